"""Infrastructure that is not about dossiers; see core/apps.py."""
