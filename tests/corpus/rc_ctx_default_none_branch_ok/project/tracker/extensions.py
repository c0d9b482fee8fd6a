from tracker.limits import RateLimiter

limiter = RateLimiter()
