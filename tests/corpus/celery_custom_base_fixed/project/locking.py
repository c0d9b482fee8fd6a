from app import FlaskTask

_running = set()


class OnceTask(FlaskTask):
    """Skip a run while the same task is already running in this worker (a tiny QueueOnce)."""

    abstract = True

    def __call__(self, *args, **kwargs):
        if self.name in _running:
            return None
        _running.add(self.name)
        try:
            return super().__call__(*args, **kwargs)
        finally:
            _running.discard(self.name)
