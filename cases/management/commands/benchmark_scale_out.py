"""`manage.py benchmark_scale_out` (`make benchmark-scale-out`): the case list with one and two web processes.

The same database as `benchmark_web` (`seta_bench`: the seed cases plus synthetic ones), served
by one gunicorn process, then by two independent gunicorn servers on two ports (no shared
memory, no sticky sessions: only the database and the SECRET_KEY are shared), each loaded by its
own `wrk` at the same time. Prints requests per second of `/cases/` for one and for two processes,
per round and as the median. Not a test: a figure for docs/scaling.md.
"""

import os
import secrets
import statistics
import threading

import psycopg

from cases.management.commands import benchmark_web
from core.webbench import login, requests_per_second

LIST = "/cases/"


class Command(benchmark_web.Command):
    help = "Requests per second of the case list with one and with two web processes."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(connections=4, workers=1)

    def handle(self, *args, **options):
        url = benchmark_web.bench_database_url()
        self.create_database(url)
        env = {**os.environ, "DATABASE_URL": url, "DEBUG": "true", "SECURE_SSL_REDIRECT": "false"}
        self.manage(env, "migrate", "--noinput", "-v0")
        with psycopg.connect(url) as connection:
            cases = connection.execute("SELECT count(*) FROM cases_case").fetchone()[0]
        if cases < options["cases"]:
            self.manage(env, "load_seed_cases")
            self.manage(env, "create_synthetic_cases", f"--count={options['cases'] - cases}")
        password = secrets.token_urlsafe(16)
        self.manage(env, "shell", "-c", benchmark_web.BENCH_ACCOUNTS.format(password=password))
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")
            cases = connection.execute("SELECT count(*) FROM cases_case").fetchone()[0]
        serve_env = {**env, "DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(40)}
        serve_env["ALLOWED_HOSTS"] = "127.0.0.1"
        self.manage(serve_env, "collectstatic", "--noinput", "-v0")
        ports = [options["port"], options["port"] + 1]
        servers = [self.serve(serve_env, {**options, "port": port, "workers": 1}) for port in ports]
        try:
            bases = [f"http://127.0.0.1:{port}" for port in ports]
            cookie = login(bases[0], "bench-adviseur", password)  # one session, valid on both
            one, two = [], []
            for _round in range(options["rounds"]):
                one.append(self.load(bases[:1], cookie, options))
                two.append(self.load(bases, cookie, options))
        finally:
            for server in servers:
                server.terminate()
                server.wait(timeout=30)
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        self.stdout.write(
            f"\n{cases} casussen, {LIST}, {options['connections']} verbindingen per proces, "
            f"{options['rounds']} rondes van {options['seconds']:.0f} s, {os.cpu_count()} CPU's, "
            f"load average na afloop {load} (1, 5, 15 min)"
        )
        for label, rates in (("1 webproces", one), ("2 webprocessen", two)):
            rounds = ", ".join(f"{rate:.1f}" for rate in rates)
            self.stdout.write(f"{label:15} mediaan {statistics.median(rates):7.1f} req/s  (rondes: {rounds})")

    def load(self, bases: list[str], cookie: str, options: dict) -> float:
        """Requests per second of the list served by `bases` together, each loaded at the same time."""
        rates = [0.0] * len(bases)

        def run(index: int) -> None:
            rates[index] = requests_per_second(
                bases[index] + LIST, cookie, seconds=options["seconds"], connections=options["connections"]
            )

        threads = [threading.Thread(target=run, args=(i,)) for i in range(len(bases))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return sum(rates)
