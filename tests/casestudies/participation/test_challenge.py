"""The proof-of-work check and the question asked without JavaScript: a good answer is
accepted once; malformed, tampered, expired or replayed answers are refused in words."""

import base64
import json
import time

import pytest
import time_machine
from django.core import signing

from casestudies.participation import challenge
from casestudies.participation.challenge import ChallengeRefused
from tests.casestudies.participation.conftest import solved_payload


def test_a_solved_challenge_is_accepted_once_and_refused_when_replayed():
    payload = solved_payload()
    challenge.check_proof_of_work(payload)
    with pytest.raises(ChallengeRefused, match="used already"):
        challenge.check_proof_of_work(payload)


@pytest.mark.parametrize(
    "payload",
    [
        "",
        "not base64 at all",
        base64.b64encode(b"[1, 2]").decode(),
        base64.b64encode(b'{"challenge": {}}').decode(),
        base64.b64encode(
            json.dumps({"challenge": {"parameters": "x"}, "solution": 5}).encode()
        ).decode(),
        "x" * 5000,
        "\x00",
    ],
)
def test_malformed_answers_are_refused_in_plain_words(payload):
    with pytest.raises(ChallengeRefused, match="did not work"):
        challenge.check_proof_of_work(payload)


def test_a_challenge_the_site_did_not_sign_is_refused():
    def longer_lived(issued):
        issued.parameters.expires_at += 24 * 3600  # longer to use: the signature no longer matches

    with pytest.raises(ChallengeRefused, match="did not work"):
        challenge.check_proof_of_work(solved_payload(tamper=longer_lived))


def test_a_wrong_solution_is_refused():
    payload = json.loads(base64.b64decode(solved_payload()))
    payload["solution"]["derivedKey"] = "00" * 32
    with pytest.raises(ChallengeRefused, match="did not work"):
        challenge.check_proof_of_work(base64.b64encode(json.dumps(payload).encode()).decode())


def test_an_expired_challenge_is_refused(settings):
    payload = solved_payload()
    with time_machine.travel(time.time() + settings.ALTCHA_EXPIRES_SECONDS + 60):
        with pytest.raises(ChallengeRefused, match="expired"):
            challenge.check_proof_of_work(payload)


def test_the_question_is_asked_in_words_and_accepted_once():
    text, token = challenge.new_question()
    first, second, _ = challenge.read_question(token)
    assert text.startswith("What is ") and str(first) not in text.split("?")[0]
    with pytest.raises(ChallengeRefused, match="not right"):
        challenge.check_question(token, str(first + second + 1))
    challenge.check_question(token, f" {first + second} ")
    with pytest.raises(ChallengeRefused, match="answered already"):
        challenge.check_question(token, str(first + second))


@pytest.mark.parametrize(
    "token", ["", "forged", signing.dumps({"a": 1, "b": 1, "n": "x"}, salt="elsewhere")]
)
def test_a_question_the_site_did_not_ask_is_refused(token):
    with pytest.raises(ChallengeRefused, match="expired"):
        challenge.check_question(token, "2")
