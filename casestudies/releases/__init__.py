"""Data releases: dated, immutable snapshots of the open data with a Frictionless Data
Package, a changelog against the release before, a permanent address and a citation."""
