"""One stall period (settings.SETA_PDF_STALLED_SECONDS) for the whole hand-over of a silent
worker's job: the workers' heartbeat, the periodic look for stalled jobs and the progress page."""

import itertools
import time

import croniter
from django.conf import settings

from core.pdf.tasks import stalled_check_cron


def seconds_between_checks(cron: str) -> set[float]:
    schedule = croniter.croniter(cron, time.time())
    moments = [schedule.get_next(float) for _ in range(5)]
    return {round(later - earlier) for earlier, later in itertools.pairwise(moments)}


def test_stalled_jobs_are_looked_for_each_minute_or_three_times_per_shorter_period():
    assert seconds_between_checks(stalled_check_cron(60)) == {60}
    assert seconds_between_checks(stalled_check_cron(3600)) == {60}
    assert seconds_between_checks(stalled_check_cron(12)) == {4}
    assert seconds_between_checks(stalled_check_cron(4)) == {1}


def test_with_the_default_period_workers_beat_every_10_s_and_count_as_gone_after_60():
    assert settings.SETA_PDF_STALLED_SECONDS == 60
    defaults = settings.PROCRASTINATE_WORKER_DEFAULTS
    assert defaults["update_heartbeat_interval"] == 10.0
    assert defaults["stalled_worker_timeout"] == 60.0
