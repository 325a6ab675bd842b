"""What the roles may do with five-point checks: council members read them, advisors also record
and correct them."""

from core.roles import role_permissions_register


def roles_register() -> None:
    """Register the checks' permissions with the roles (core.roles); from AssessmentsConfig.ready()."""
    role_permissions_register(
        read=[("assessments", "view_assessment")],
        write=[("assessments", "add_assessment"), ("assessments", "change_assessment")],
    )
