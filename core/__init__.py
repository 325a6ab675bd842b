"""Infrastructure that is not about dossiers: health checks, and more as the restructuring lands."""
