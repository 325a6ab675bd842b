"""Create the demo accounts (adviseur, raadslid, beheerder) once, and print their logins."""

from django.core.management.base import BaseCommand, CommandError

from cases.accounts import DemoAccountsRefused, demo_accounts_ensure


class Command(BaseCommand):
    help = "Create the demo accounts for local use (DEBUG only) and print their logins."

    def handle(self, *args, **options):
        try:
            results = demo_accounts_ensure()
        except DemoAccountsRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write("Demo-accounts (alleen voor lokaal gebruik):")
        for account, created in results:
            state = "aangemaakt" if created else "bestond al"
            self.stdout.write(f"  {account.username} / {account.password}  ({account.description}; {state})")
