import time

from flask import appcontext_tearing_down, current_app, g, request, request_finished, request_started, template_rendered


def start_timer(sender, **extra):
    g.started = time.perf_counter()
    g.route = request.path


def log_response(sender, response, **extra):
    elapsed_ms = (time.perf_counter() - g.started) * 1000
    sender.logger.info("%s %s -> %s in %.1fms", request.method, request.path, response.status_code, elapsed_ms)


def log_render(sender, template, context, **extra):
    sender.logger.debug("rendered %s for %s", template.name, request.path)


def flag_slow_requests(sender, exc=None, **extra):
    started = g.pop("started", None)
    if started is not None and (time.perf_counter() - started) * 1000 > current_app.config["SLOW_REQUEST_MS"]:
        sender.logger.warning("slow request: %s", g.get("route"))


def init_app(app):
    request_started.connect(start_timer, app)
    request_finished.connect(log_response, app)
    template_rendered.connect(log_render, app)
    appcontext_tearing_down.connect(flag_slow_requests, app)
