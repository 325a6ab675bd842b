"""Create the demo accounts (adviseur, raadslid, beheerder) once and print their logins; or remove them."""

from django.core.management.base import BaseCommand, CommandError

from core.accounts import DemoAccountsRefused, demo_accounts_ensure, demo_accounts_remove


class Command(BaseCommand):
    help = "Create the demo accounts (DEBUG only) and print their logins; --remove deletes them."

    def add_arguments(self, parser):
        parser.add_argument("--remove", action="store_true", help="delete the demo accounts (any mode)")

    def handle(self, *args, **options):
        if options["remove"]:
            removed = demo_accounts_remove()
            self.stdout.write(f"Demo-accounts verwijderd: {', '.join(removed) or 'geen'}")
            return
        try:
            results = demo_accounts_ensure()
        except DemoAccountsRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write("Demo-accounts (alleen voor lokaal gebruik):")
        for account, created in results:
            state = "aangemaakt" if created else "bestond al"
            self.stdout.write(f"  {account.username} / {account.password}  ({account.description}; {state})")
