"""Telling people from programs without sending anyone to a third party.

With JavaScript, the ALTCHA widget (vendored in static/vendor/altcha) solves a
proof-of-work puzzle made and checked here with the `altcha` package: it costs a browser
a second and a spammer posting thousands of forms a great deal. Without JavaScript, the
form asks a short sum in words instead, signed so that it needs no storage.

Either answer is good once: each challenge is remembered in the cache until it would
have expired anyway, so a solved challenge replayed is refused, across every process
sharing the cache.
"""

import secrets
import time

import altcha
from django.conf import settings
from django.core import signing
from django.core.cache import cache

ALGORITHM = "PBKDF2/SHA-256"
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_QUESTION_SALT = "casestudies.participation.question"


class ChallengeRefused(Exception):
    """The answer cannot be accepted; the message says why in plain words."""


def _secret(purpose):
    return signing.salted_hmac(f"casestudies.participation.altcha.{purpose}", "altcha").hexdigest()


def new_challenge():
    """A signed proof-of-work challenge for the widget, as a dict ready for JSON.

    The counter the browser must find is chosen here, and the derived key's signature
    travels with the challenge, so checking an answer costs one HMAC, not the work."""
    challenge = altcha.create_challenge(
        ALGORITHM,
        settings.ALTCHA_COST,
        counter=secrets.randbelow(settings.ALTCHA_MAX_COUNTER) + 1,
        expires_at=int(time.time()) + settings.ALTCHA_EXPIRES_SECONDS,
        hmac_secret=_secret("challenge"),
        hmac_key_secret=_secret("key"),
    )
    return challenge.to_dict()


def _remember_once(kind, identifier, expires_at):
    """True the first time a challenge is used; False if it was used before."""
    timeout = max(1, int(expires_at - time.time()) + 1)
    return cache.add(f"participation-used:{kind}:{identifier}", 1, timeout)


def check_proof_of_work(payload):
    """Accept a solved widget payload once, or raise ChallengeRefused."""
    refused = ChallengeRefused(
        "The check that you are a person did not work. Tick the box again and wait for it to finish, "
        "then send the form."
    )
    if not isinstance(payload, str) or len(payload) > 4000:
        raise refused
    try:
        result = altcha.verify_solution(
            payload, _secret("challenge"), hmac_key_secret=_secret("key")
        )
    except Exception:  # a payload built to trip the parser: refused like any other bad one
        raise refused from None
    if result.expired:
        raise ChallengeRefused(
            "The check that you are a person has expired. Tick the box again, then send the form."
        )
    if not result.verified:
        raise refused
    parameters = altcha.Payload.from_base64(payload).challenge.parameters
    if not _remember_once("pow", parameters.nonce, parameters.expires_at):
        raise ChallengeRefused(
            "This check has been used already. Tick the box again, then send the form."
        )


def new_question():
    """A sum in words for browsers without JavaScript: (question, signed token)."""
    first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    token = signing.dumps(
        {"a": first, "b": second, "n": secrets.token_hex(8)}, salt=_QUESTION_SALT, compress=True
    )
    return question_text(first, second), token


def question_text(first, second):
    return f"What is {NUMBER_WORDS[first]} plus {NUMBER_WORDS[second]}? Answer in figures, for example 7."


def read_question(token):
    """(first, second, nonce) from a token this site signed, or None."""
    try:
        data = signing.loads(token, salt=_QUESTION_SALT, max_age=settings.ALTCHA_EXPIRES_SECONDS)
        return int(data["a"]), int(data["b"]), str(data["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def check_question(token, answer):
    """Accept the sum's answer once, or raise ChallengeRefused."""
    question = read_question(token or "")
    if question is None:
        raise ChallengeRefused(
            "The question below has expired. Answer the new one, then send the form."
        )
    first, second, nonce = question
    if (answer or "").strip() != str(first + second):
        raise ChallengeRefused(
            f"The answer to “{question_text(first, second)}” is not right. Type the answer in figures."
        )
    if not _remember_once("question", nonce, time.time() + settings.ALTCHA_EXPIRES_SECONDS):
        raise ChallengeRefused(
            "This question has been answered already. Answer the new one, then send the form."
        )
