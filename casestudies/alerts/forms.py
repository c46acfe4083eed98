from django import forms

from casestudies.alerts.models import Frequency


class AlertSignupForm(forms.Form):
    email = forms.EmailField(max_length=254, label="Your email address")
    frequency = forms.ChoiceField(
        choices=Frequency.choices, initial=Frequency.WEEKLY, label="How often"
    )
