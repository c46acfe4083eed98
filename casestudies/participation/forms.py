"""The three public forms, each with the same guard against programs: a honeypot field,
and a proof-of-work answer or, without JavaScript, a sum in words (see challenge.py).

Every field has a length limit, is stored as the plain text typed and is validated
here, with messages in plain words."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone

from casestudies.models import EARLIEST_YEAR
from casestudies.participation import challenge
from casestudies.participation.models import (
    ContactMessage,
    ContactTopic,
    Correction,
    HumanCheck,
    Suggestion,
)

MOST_SOURCE_LINKS = 10
MOST_HOMES = 100_000
PHONE = re.compile(r"\+?[0-9 ()-]{6,30}")
HONEYPOT = "website"


class HumanCheckForm(forms.Form):
    """Fields and checks every public form shares."""

    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "class": "input"}),
    )
    altcha = forms.CharField(required=False, max_length=4000, widget=forms.HiddenInput)
    check_token = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)
    check_answer = forms.CharField(
        label="A question to show you are a person",
        required=False,
        max_length=10,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "class": "input input--year"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A fresh question on every showing of the form: one answered (or refused) is spent.
        self.question, token = challenge.new_question()
        self.initial["check_token"] = token
        self.fields["check_token"].initial = token
        self.fields["check_answer"].help_text = self.question
        self.human_check = None

    def fresh_check(self):
        """The form to show again: the same answers, a new question and an empty answer."""
        self.data = self.data.copy()
        self.data["check_token"] = self.initial["check_token"]
        self.data["check_answer"] = ""
        self.data["altcha"] = ""
        return self

    def clean(self):
        cleaned = super().clean()
        if any(self._errors.pop(name, None) for name in ("altcha", "check_token")):
            # Hidden fields nobody can correct: say so where the check is shown.
            self.add_error(
                "check_answer", "The check that you are a person did not work. Try it again."
            )
            return cleaned
        if cleaned.get(HONEYPOT):
            raise ValidationError(
                "The form could not be sent because the field “Leave this field empty” has something in it. "
                "Empty it and send the form again."
            )
        try:
            if cleaned.get("altcha"):
                challenge.check_proof_of_work(cleaned["altcha"])
                self.human_check = HumanCheck.PROOF_OF_WORK
            elif cleaned.get("check_answer"):
                challenge.check_question(cleaned.get("check_token"), cleaned["check_answer"])
                self.human_check = HumanCheck.QUESTION
            else:
                self.add_error(
                    "check_answer",
                    "Show that you are a person: tick “I'm not a robot” and wait for the tick, or, if there is "
                    "no box to tick, answer the question in figures.",
                )
        except challenge.ChallengeRefused as refused:
            self.add_error("check_answer", str(refused))
        return cleaned

    # (legend, field names) for each group of questions; the check comes after them all.
    GROUPS = ()

    def field_groups(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.GROUPS]


def _plain_messages(form):
    """Say what is wrong in words a visitor uses, naming the field."""
    for _name, field in form.fields.items():
        field.error_messages["required"] = f"Fill in “{field.label}”."
        if isinstance(field, forms.CharField) and field.max_length:
            field.error_messages["max_length"] = (
                f"Keep this to {field.max_length:,} characters or fewer (it has %(show_value)s)."
            )
        if isinstance(field, forms.EmailField):
            field.error_messages["invalid"] = "Enter an email address like name@example.org."
        if isinstance(field, forms.IntegerField):
            field.error_messages["invalid"] = "Enter a whole number, in figures."
            field.error_messages["min_value"] = "Enter a number of at least %(limit_value)s."
            field.error_messages["max_value"] = "Enter a number no more than %(limit_value)s."
        if isinstance(field, forms.ChoiceField):
            field.error_messages["invalid_choice"] = "Choose one of the options listed."


class SubmissionForm(HumanCheckForm, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_messages(self)
        for name in self.Meta.fields:
            widget = self.fields[name].widget
            if isinstance(
                widget, (forms.TextInput, forms.EmailInput, forms.NumberInput, forms.Textarea)
            ):
                widget.attrs.setdefault("class", "input")
            elif isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "checkbox__input"
        for name, autocomplete in (
            ("name", "name"),
            ("email", "email"),
            ("organisation", "organization"),
            ("role", "organization-title"),
            ("phone", "tel"),
        ):
            if name in self.fields:
                self.fields[name].widget.attrs["autocomplete"] = autocomplete

    def save(self, commit=True):
        self.instance.human_check = self.human_check
        return super().save(commit)


def _year_field(label):
    latest = timezone.now().year + 10
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=EARLIEST_YEAR,
        max_value=latest,
        widget=forms.NumberInput(attrs={"class": "input input--year", "inputmode": "numeric"}),
    )


class SuggestionForm(SubmissionForm):
    homes = forms.IntegerField(
        label="Number of homes",
        required=False,
        min_value=1,
        max_value=MOST_HOMES,
        widget=forms.NumberInput(attrs={"class": "input input--year", "inputmode": "numeric"}),
        help_text="Built, refurbished or planned, if you know.",
    )
    year_started = _year_field("Year started")
    year_completed = _year_field("Year completed")

    GROUPS = (
        (
            "The partnership",
            [
                "partnership_name",
                "place",
                "local_authority",
                "community_organisation",
                "housing_association",
                "delivery",
                "homes",
                "year_started",
                "year_completed",
                "what_happened",
                "source_links",
            ],
        ),
        ("About you", ["name", "email", "organisation", "role", "consent_to_contact"]),
    )

    class Meta:
        model = Suggestion
        fields = [
            "partnership_name",
            "place",
            "local_authority",
            "community_organisation",
            "housing_association",
            "delivery",
            "what_happened",
            "homes",
            "year_started",
            "year_completed",
            "source_links",
            "name",
            "email",
            "organisation",
            "role",
            "consent_to_contact",
        ]
        labels = {
            "partnership_name": "Name of the partnership or scheme",
            "place": "Place",
            "local_authority": "Local authority (council)",
            "community_organisation": "Community organisation",
            "housing_association": "Housing association",
            "delivery": "What was done",
            "what_happened": "What happened, in a few sentences",
            "source_links": "Links to sources",
            "consent_to_contact": "You may contact me about this suggestion",
        }
        help_texts = {
            "community_organisation": "The community land trust, co-operative, cohousing group or other group.",
            "housing_association": "Leave empty if you do not know.",
            "source_links": "Web pages, reports or news stories about it: one address a line, up to ten.",
            "consent_to_contact": "We may want to ask a question before we write it up.",
        }
        widgets = {
            "what_happened": forms.Textarea(attrs={"rows": 5}),
            "source_links": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True
        self.fields["email"].required = True
        self.fields["name"].error_messages["required"] = "Enter your name."
        self.fields["email"].error_messages["required"] = (
            "Enter your email address, so we can tell you what becomes of it."
        )
        self.fields["delivery"].choices = [("", "Not sure")] + list(
            self.fields["delivery"].choices
        )[1:]

    def clean_source_links(self):
        lines = [
            line.strip() for line in self.cleaned_data["source_links"].splitlines() if line.strip()
        ]
        if len(lines) > MOST_SOURCE_LINKS:
            raise ValidationError(
                f"Give up to {MOST_SOURCE_LINKS} links, one a line (there are {len(lines)})."
            )
        validate = URLValidator(schemes=["http", "https"])
        for number, line in enumerate(lines, 1):
            try:
                validate(line)
            except ValidationError:
                raise ValidationError(
                    f"Line {number} is not a web address. Give each link in full, starting with https://, one a line."
                ) from None
        return "\n".join(lines)

    def clean(self):
        cleaned = super().clean()
        started, completed = cleaned.get("year_started"), cleaned.get("year_completed")
        if started and completed and completed < started:
            self.add_error(
                "year_completed", "The year completed cannot be before the year started."
            )
        return cleaned


class CorrectionForm(SubmissionForm):
    GROUPS = (
        ("The correction", ["wrong_fact", "should_say", "source"]),
        ("About you (optional)", ["name", "email", "consent_to_contact"]),
    )

    class Meta:
        model = Correction
        fields = ["wrong_fact", "should_say", "source", "name", "email", "consent_to_contact"]
        labels = {
            "wrong_fact": "Which fact is wrong",
            "should_say": "What it should say",
            "source": "Where this comes from",
            "consent_to_contact": "You may contact me about this correction",
        }
        help_texts = {
            "wrong_fact": "Quote the words, or say which figure or date.",
            "source": "A web address, report or publication we can check it against.",
            "name": "Optional.",
            "email": "Optional: give it if you would like to hear back.",
        }
        widgets = {
            "wrong_fact": forms.Textarea(attrs={"rows": 3}),
            "should_say": forms.Textarea(attrs={"rows": 3}),
            "source": forms.Textarea(attrs={"rows": 2}),
        }

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("consent_to_contact")
            and not cleaned.get("email")
            and "email" not in self.errors
        ):
            self.add_error(
                "email", "Enter your email address so we can contact you, or untick the box below."
            )
        return cleaned


class ContactForm(SubmissionForm):
    GROUPS = (
        ("Your message", ["topic", "message"]),
        ("About you", ["name", "email", "phone", "organisation", "role"]),
    )

    class Meta:
        model = ContactMessage
        fields = ["topic", "message", "name", "email", "phone", "organisation", "role"]
        labels = {"topic": "What it is about", "phone": "Phone number", "message": "Your message"}
        help_texts = {
            "phone": "Optional, if you would rather we rang.",
            "organisation": "Optional.",
            "role": "Optional.",
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6}), "topic": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True
        self.fields["email"].required = True
        self.fields["name"].error_messages["required"] = "Enter your name."
        self.fields["email"].error_messages["required"] = (
            "Enter your email address, so we can reply."
        )
        self.fields[
            "topic"
        ].choices = ContactTopic.choices  # radios need no blank "---------" choice
        self.fields["topic"].error_messages["required"] = "Choose what your message is about."
        self.fields["message"].error_messages["required"] = "Enter your message."

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.fullmatch(phone):
            raise ValidationError(
                "Enter a phone number in figures, like 0191 496 0000 or +44 191 496 0000."
            )
        return phone

    def save(self, commit=True):
        self.instance.consent_to_contact = True  # writing to ask for a reply is the point
        return super().save(commit)
