"""Storage plumbing the models share: timestamps, uploaded image files and the media they keep."""

from django.db import models, transaction

from casestudies import images


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


def _extension(filename):
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"


def upload_case_study_image(instance, filename):
    return images.random_name("case-studies", _extension(filename))


def upload_logo(instance, filename):
    return images.random_name("logos", _extension(filename))


class ImageUploadField(models.FileField):
    """A file field for images: checked and cleaned by casestudies.images in the model
    layer, offered to browsers as JPEG, PNG or WebP only."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("validators", [images.validate_image_upload])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        field.widget.attrs.setdefault("accept", images.ACCEPT_ATTRIBUTE)
        return field


class StoredImagesMixin(models.Model):
    """Saving a model with image fields: new uploads are checked and re-encoded before
    anything reaches storage, stored under random names, and their renditions made in
    the same transaction. If any step fails, every file written is removed again; files
    an upload replaces are removed once the change is committed."""

    # (file field, width field, height field, images.RenditionSet)
    image_fields = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        written, replaced, to_render = [], [], []
        stored_names = {}
        if self.pk:
            names = [field for field, *_ in self.image_fields]
            stored_names = type(self).objects.filter(pk=self.pk).values(*names).first() or {}
        try:
            for field_name, width_field, height_field, rendition_set in self.image_fields:
                field_file = getattr(self, field_name)
                if field_file and not field_file._committed:
                    processed = images.process_upload(field_file)
                    field = self._meta.get_field(field_name)
                    storage = images.storage_for(field_file)
                    name = field.generate_filename(self, f"upload.{processed.extension}")
                    written.append((storage, name, rendition_set, 0))
                    try:
                        saved = storage.save(name, processed.content, max_length=field.max_length)
                    except OSError as error:
                        raise images.ImageStorageError(error) from error
                    written[-1] = (storage, saved, rendition_set, processed.width)
                    field_file.name, field_file._committed = saved, True
                    setattr(self, width_field, processed.width)
                    setattr(self, height_field, processed.height)
                    to_render.append((processed.content, saved, processed.width, rendition_set))
                if stored_names.get(field_name) and stored_names[field_name] != (
                    field_file.name or ""
                ):
                    replaced.append(
                        (images.storage_for(field_file), stored_names[field_name], rendition_set)
                    )
                if not field_file:
                    setattr(self, width_field, None)
                    setattr(self, height_field, None)
            with transaction.atomic():
                super().save(*args, **kwargs)
                for content, name, width, rendition_set in to_render:
                    content.seek(0)
                    content.name = name  # renditions are named after the stored file
                    try:
                        images.generate_renditions(content, width, rendition_set)
                    except OSError as error:
                        raise images.ImageStorageError(error) from error
        except BaseException:
            for storage, name, rendition_set, width in written:
                images.delete_files(
                    storage, [name, *images.rendition_names(_Named(name), width, rendition_set)]
                )
            raise
        if replaced:
            transaction.on_commit(lambda: _delete_image_files(replaced))

    def delete_image_files_on_commit(self):
        files = []
        for field_name, _, _, rendition_set in self.image_fields:
            field_file = getattr(self, field_name)
            if field_file:
                files.append((images.storage_for(field_file), field_file.name, rendition_set))
        if files:
            transaction.on_commit(lambda: _delete_image_files(files))


class _Named:
    """Just a name: enough for imagekit to work out where a rendition lives."""

    def __init__(self, name):
        self.name = name


def _delete_image_files(files):
    for storage, name, rendition_set in files:
        images.delete_files(
            storage, [name, *images.rendition_names(_Named(name), 0, rendition_set)]
        )


def _models_with_images():
    from django.apps import apps

    return [
        model
        for model in apps.get_app_config("casestudies").get_models()
        if issubclass(model, StoredImagesMixin)
    ]


def media_in_use(history=False):
    """Every stored file a record points to, with its renditions: what a backup keeps.
    With `history`, what earlier versions point to counts too, since reverting one brings
    it back: what clean_orphaned_media must never remove."""
    from simple_history.utils import get_history_model_for_model

    names = set()
    for model in _models_with_images():
        sources = [model, get_history_model_for_model(model)] if history else [model]
        for field_name, _, _, rendition_set in model.image_fields:
            for source in sources:
                for name in source._default_manager.exclude(**{field_name: ""}).values_list(
                    field_name, flat=True
                ):
                    names.add(name)
                    names.update(images.rendition_names(_Named(name), 0, rendition_set))
    return names


def media_folders():
    """The top folders of media storage that uploads and their renditions go into."""
    folders = set()
    for model in _models_with_images():
        for field_name, _, _, rendition_set in model.image_fields:
            sample = model._meta.get_field(field_name).generate_filename(None, "sample.jpg")
            folders.add(sample.split("/", 1)[0])
            folders.update(
                name.split("/", 1)[0]
                for name in images.rendition_names(_Named(sample), 0, rendition_set)
            )
    return sorted(folders)


def picture(field_file, width, height, rendition_set):
    return {
        "webp": images.renditions(field_file, width, height, rendition_set, "WEBP"),
        "fallback": images.renditions(
            field_file, width, height, rendition_set, rendition_set.fallback
        ),
        "fallback_type": "image/jpeg" if rendition_set.fallback == "JPEG" else "image/png",
        "width": width,
        "height": height,
    }
