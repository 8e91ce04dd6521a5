"""The HTTP layer: the Flask app factory, its blueprints, schemas, errors and configuration.

Importing this package does not import Flask (``schemas`` and ``config`` are Flask-free, so
the CLI and gunicorn's config can use them); ``app`` and the blueprints do.
"""
