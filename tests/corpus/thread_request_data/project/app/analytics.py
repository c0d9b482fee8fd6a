SEARCH_LOG = []


def log_search(term, user_agent):
    SEARCH_LOG.append((term, user_agent))
