"""Spreadsheets for the import tests: a CSV from rows, and posting it to an import page."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile


def sheet(headers, *rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([row.get(header, "") for header in headers])
    return out.getvalue().encode()


def upload(client, url, content, name="partnerships.csv"):
    return client.post(url, {"spreadsheet": SimpleUploadedFile(name, content)})


def confirm(client, url, preview):
    """Post the preview's own confirmation, as its button does."""
    payload = preview.split('name="confirm" value="')[1].split('"')[0]
    return client.post(url, {"confirm": payload}, follow=True)


def problems_of_row(page, number):
    return page.split(f"<li>Row {number}: ")[1].split("</li>")[0]
