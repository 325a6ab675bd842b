"""Migration operations of the project's own.

`SeparateStateRenderedOnce` is Django's SeparateDatabaseAndState for the moves of models between
apps (the tables stay, only the state changes). Django re-renders every related model after each
state operation; with the user model related to nearly every model, a move of a few dozen models
re-rendered thousands of them: 40 % of `migrate` on an empty database. Here the state
operations change the model states only, and the models are rendered once, when next needed.
"""

from django.db import migrations


class SeparateStateRenderedOnce(migrations.SeparateDatabaseAndState):
    """SeparateDatabaseAndState whose state operations leave the rendered models to be rendered
    once afterwards (tests/core/test_migration_operations.py holds it to Django's result)."""

    def state_forwards(self, app_label, state):
        state.__dict__.pop("apps", None)  # ProjectState.apps is a cached property: rendered anew on use
        for operation in self.state_operations:
            operation.state_forwards(app_label, state)
