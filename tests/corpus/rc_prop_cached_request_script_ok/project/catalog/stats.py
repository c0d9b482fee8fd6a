from collections import Counter

TAG_HITS = Counter()


def count_tag_hits(listing):
    # runs in a background thread after the response; listing.tags was computed during the request
    TAG_HITS.update(listing.tags)
