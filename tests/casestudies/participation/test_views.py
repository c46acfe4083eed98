"""The three public forms as a visitor meets them: what is kept, what is refused (and
then nothing is kept), what is sent by email, and what is never shown or cached."""

import pytest
from django.core import mail
from django.urls import reverse

from casestudies.models.choices import Status
from casestudies.participation import challenge
from casestudies.participation.models import ContactMessage, Correction, HumanCheck, Suggestion
from tests.casestudies.participation.conftest import solved_payload

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_study(make_case_study):
    return make_case_study("Stocksfield homes", slug="stocksfield-homes")


def form_urls(case_study):
    return {
        "suggestion": reverse("casestudies:suggest"),
        "correction": reverse("casestudies:correction", args=[case_study.slug]),
        "message": reverse("casestudies:contact"),
    }


MODELS = {"suggestion": Suggestion, "correction": Correction, "message": ContactMessage}


def post(client, url, data, proof=True, **extra):
    return client.post(url, {**data, **({"altcha": solved_payload()} if proof else {})}, **extra)


def question_answer(page):
    token = page.context["form"].initial["check_token"]
    first, second, _ = challenge.read_question(token)
    return {"check_token": token, "check_answer": str(first + second)}


@pytest.mark.parametrize("kind", MODELS)
def test_each_form_is_kept_and_its_sender_and_the_staff_inbox_told(
    kind, client, case_study, answers, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, form_urls(case_study)[kind], answers[kind])
    assert response.status_code == 302
    thanks = client.get(response["Location"]).content.decode()
    assert f"Thank you: your {kind} has been sent" in thanks
    submission = MODELS[kind].objects.get()
    assert (
        submission.email == answers[kind]["email"]
        and submission.human_check == HumanCheck.PROOF_OF_WORK
    )
    assert submission.status == "new"
    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {answers[kind]["email"], settings.CONTACT_EMAIL}
    assert f"Thank you for your {kind}" in sent[answers[kind]["email"]].body
    assert submission.admin_url() in sent[settings.CONTACT_EMAIL].body
    # The emails never carry what the visitor wrote (or the site would mail anyone anything).
    for message in mail.outbox:
        for value in answers[kind].values():
            if len(value) > 3 and value not in ("on", answers[kind]["email"]):
                assert value not in message.body and value not in message.subject


def test_the_emails_go_only_after_the_submission_is_stored(
    client, case_study, answers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post(client, reverse("casestudies:suggest"), answers["suggestion"])
    assert len(callbacks) == 2 and mail.outbox == []


def test_a_failed_send_never_loses_the_submission(
    client, answers, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, reverse("casestudies:suggest"), answers["suggestion"])
    assert response.status_code == 302
    assert Suggestion.objects.get().partnership_name == "Allendale Community Homes"


def test_a_correction_is_linked_to_its_case_study(client, case_study, answers):
    post(client, form_urls(case_study)["correction"], answers["correction"])
    assert Correction.objects.get().case_study == case_study


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.ARCHIVED])
def test_no_correction_form_for_a_case_study_the_public_cannot_see(
    status, client, make_case_study, answers
):
    hidden = make_case_study("Not yet public", status=status)
    url = reverse("casestudies:correction", args=[hidden.slug])
    assert client.get(url).status_code == 404
    assert post(client, url, answers["correction"]).status_code == 404
    assert not Correction.objects.exists()


def test_every_case_study_page_offers_a_correction(client, case_study):
    page = client.get(case_study.get_absolute_url()).content.decode()
    assert f'href="{form_urls(case_study)["correction"]}">Report a correction</a>' in page


def test_without_javascript_the_question_lets_a_person_send(client, answers):
    page = client.get(reverse("casestudies:suggest"))
    assert "Answer in figures" in page.content.decode()
    response = client.post(
        reverse("casestudies:suggest"), {**answers["suggestion"], **question_answer(page)}
    )
    assert response.status_code == 302
    assert Suggestion.objects.get().human_check == HumanCheck.QUESTION


def test_a_wrong_answer_or_none_is_refused_keeping_the_answers(client, answers):
    page = client.get(reverse("casestudies:suggest"))
    check = question_answer(page)
    for changed in ({**check, "check_answer": "99"}, {}):
        response = client.post(reverse("casestudies:suggest"), {**answers["suggestion"], **changed})
        body = response.content.decode()
        assert response.status_code == 200 and "There is a problem" in body
        assert "not right" in body or "Show that you are a person" in body
        assert 'value="Allendale Community Homes"' in body  # the answers kept
        assert "Six homes for local people" in body
    assert not Suggestion.objects.exists()


def test_a_replayed_proof_is_refused_and_nothing_stored(client, answers):
    payload = solved_payload()
    assert (
        client.post(
            reverse("casestudies:suggest"), {**answers["suggestion"], "altcha": payload}
        ).status_code
        == 302
    )
    again = client.post(
        reverse("casestudies:suggest"), {**answers["suggestion"], "altcha": payload}
    )
    assert "This check has been used already" in again.content.decode()
    assert Suggestion.objects.count() == 1


def test_the_honeypot_refuses_the_form_and_stores_nothing(client, answers):
    response = post(
        client,
        reverse("casestudies:suggest"),
        {**answers["suggestion"], "website": "https://spam.example"},
    )
    assert (
        "Leave this field empty" in response.content.decode()
        and "has something in it" in response.content.decode()
    )
    assert not Suggestion.objects.exists()


def test_the_honeypot_is_out_of_sight(client):
    page = client.get(reverse("casestudies:suggest")).content.decode()
    assert '<div class="honeypot">' in page  # display: none in participation.css


def test_script_html_and_long_text_are_kept_as_plain_text_or_refused(client, answers, admin_client):
    markup = '<script>alert("x")</script><a href="https://evil.example">click</a>'
    response = post(
        client, reverse("casestudies:suggest"), {**answers["suggestion"], "what_happened": markup}
    )
    assert response.status_code == 302
    stored = Suggestion.objects.get()
    assert stored.what_happened == markup  # as typed, never cleaned into something else
    staff_page = admin_client.get(stored.admin_url()).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in staff_page
    assert "<script>alert" not in staff_page and 'href="https://evil.example"' not in staff_page

    too_long = post(
        client,
        reverse("casestudies:suggest"),
        {**answers["suggestion"], "what_happened": "x" * 10_000},
    )
    assert "Keep this to 4,000 characters or fewer (it has 10000)" in too_long.content.decode()
    assert Suggestion.objects.count() == 1


def test_a_burst_of_posts_is_refused_after_the_limit_with_nothing_kept(client, answers, settings):
    settings.PARTICIPATION_RATE_LIMITS = ["5/m"]
    statuses = [
        post(client, reverse("casestudies:suggest"), answers["suggestion"]).status_code
        for _ in range(50)
    ]
    assert statuses[:5] == [302] * 5 and set(statuses[5:]) == {429}
    assert Suggestion.objects.count() == 5
    refused = post(client, reverse("casestudies:contact"), answers["message"])
    body = refused.content.decode()
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert (
        "Too many forms sent from your connection" in body
        and "Nothing from this last one was kept" in body
    )
    assert 'class="site-header"' in body  # in the site's design
    assert not ContactMessage.objects.exists()


def test_the_limit_is_per_address(client, answers, settings):
    settings.PARTICIPATION_RATE_LIMITS = ["2/m"]
    for _ in range(3):
        post(
            client, reverse("casestudies:suggest"), answers["suggestion"], REMOTE_ADDR="203.0.113.7"
        )
    assert (
        post(
            client,
            reverse("casestudies:suggest"),
            answers["suggestion"],
            REMOTE_ADDR="198.51.100.9",
        ).status_code
        == 302
    )


@pytest.mark.parametrize("kind", MODELS)
def test_form_pages_are_never_cached_for_another_visitor(kind, client, case_study, settings):
    settings.PAGE_CACHE_SECONDS = 600
    url = form_urls(case_study)[kind]
    first, second = client.get(url), client.get(url)
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]
    assert (
        first.context["form"].initial["check_token"]
        != second.context["form"].initial["check_token"]
    )
    challenge_response = client.get(reverse("casestudies:participation_challenge"))
    assert "no-store" in challenge_response["Cache-Control"]
    assert challenge_response.json()["parameters"]["algorithm"] == "PBKDF2/SHA-256"


def test_no_form_page_or_challenge_is_a_cached_view():
    from tests.casestudies.test_caching import cached_views

    one_visitor = {
        "casestudies:suggest",
        "casestudies:correction",
        "casestudies:contact",
        "casestudies:participation_challenge",
        "casestudies:suggest_sent",
    }
    assert not one_visitor & cached_views()


@pytest.mark.parametrize("kind", MODELS)
def test_every_form_links_to_the_privacy_notice(kind, client, case_study):
    page = client.get(form_urls(case_study)[kind]).content.decode()
    assert f'<a href="{reverse("casestudies:privacy")}">Our privacy notice</a>' in page


def test_the_privacy_notice_says_how_long_from_the_settings(client, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS, settings.SPAM_RETENTION_DAYS = 200, 14
    page = client.get(reverse("casestudies:privacy")).content.decode()
    assert (
        "deleted 200 days after they arrive" in page and "Spam</strong> is deleted 14 days" in page
    )


def test_the_footer_and_about_page_name_who_runs_it_and_link_the_forms(client, settings):
    settings.LIBRARY_OPERATOR = "the Example Housing Network"
    for url in ("/", reverse("casestudies:about")):
        page = client.get(url).content.decode()
        assert "run by the Example Housing Network" in page
        for name in ("suggest", "contact", "privacy", "accessibility"):
            assert f'href="{reverse(f"casestudies:{name}")}"' in page


def test_the_accessibility_statement_is_a_real_one(client):
    page = client.get(reverse("casestudies:accessibility")).content.decode()
    assert "WCAG) 2.2 at level AA" in page and "What we know is not fully accessible" in page
    assert "Equality Advisory and Support Service" in page


def test_nothing_a_visitor_writes_appears_on_the_public_site(client, case_study, answers):
    marker = "Zebracrossing"
    post(
        client,
        reverse("casestudies:suggest"),
        {**answers["suggestion"], "partnership_name": marker, "what_happened": marker},
    )
    post(
        client, form_urls(case_study)["correction"], {**answers["correction"], "should_say": marker}
    )
    post(client, reverse("casestudies:contact"), {**answers["message"], "message": marker})
    assert (
        Suggestion.objects.count()
        == Correction.objects.count()
        == ContactMessage.objects.count()
        == 1
    )
    for url in (
        "/",
        "/case-studies/",
        case_study.get_absolute_url(),
        "/case-studies.csv",
        "/api/case-studies/",
        "/case-studies.geojson",
        "/feeds/case-studies/",
        "/sitemap-case-studies.xml",
        "/organisations/",
    ):
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert marker.encode() not in body and b"sender@example.org" not in body, url
    assert (
        "No case studies" in client.get(f"/case-studies/?q={marker}").content.decode()
    )  # search finds none


def test_the_challenge_itself_is_rate_limited(client, settings):
    settings.PARTICIPATION_CHALLENGE_RATE_LIMIT = "3/m"
    statuses = [
        client.get(reverse("casestudies:participation_challenge")).status_code for _ in range(5)
    ]
    assert statuses == [200, 200, 200, 429, 429]
    assert (
        "wait a minute"
        in client.get(reverse("casestudies:participation_challenge")).json()["error"]
    )


def test_a_correction_without_an_email_tells_only_the_staff_inbox(
    client, case_study, answers, settings, django_capture_on_commit_callbacks
):
    anonymous = {**answers["correction"], "name": "", "email": "", "consent_to_contact": ""}
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, form_urls(case_study)["correction"], anonymous).status_code == 302
    assert [message.to for message in mail.outbox] == [[settings.CONTACT_EMAIL]]


def test_the_suggestion_form_says_what_the_library_includes(client):
    page = client.get(reverse("casestudies:suggest")).content.decode()
    assert f'href="{reverse("casestudies:inclusion_criteria")}"' in page
    assert "What the library includes" in page
