"""Public pages, one module per area of the site. URLs point here; views call the finder and presenters."""
