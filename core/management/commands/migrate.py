"""`manage.py migrate`, one at a time: replicas started together do not run migrations twice.

Django's own command inside a PostgreSQL advisory lock: a second `migrate` (another container,
another machine) waits until the first is done, then finds nothing left to do. The lock belongs
to the database session, so it goes with a crashed process too.
"""

from django.core.management.commands.migrate import Command as DjangoMigrateCommand
from django.db import connections

# pg_advisory_lock key: any constant the app uses for nothing else ("SETA" + "MIGR" in ASCII).
MIGRATE_LOCK = 0x5345_5441_4D49_4752


class Command(DjangoMigrateCommand):
    help = DjangoMigrateCommand.help + " Waits while another migrate runs on the same database."

    def handle(self, *args, **options):
        connection = connections[options["database"]]
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [MIGRATE_LOCK])
            if not cursor.fetchone()[0]:
                self.stderr.write("Een andere migrate draait op deze database; wachten tot die klaar is…")
                cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATE_LOCK])
        try:
            return super().handle(*args, **options)
        finally:
            if connection.connection is not None:  # the lock ends with the session anyway
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATE_LOCK])
