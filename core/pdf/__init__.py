"""The PDF machinery, one straight line: request service (requests.py) → task (tasks.py) →
worker (worker.py, a limited render process) → registered document (registry.py) → renderer
(rendering.py) → storage (storage.py). Apps register their documents in AppConfig.ready."""
