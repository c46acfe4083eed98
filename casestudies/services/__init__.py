"""Services: everything that writes to the library, and the rules it writes by.

Services import models (and the foundations below them), never the finder, presenters or views.
"""
