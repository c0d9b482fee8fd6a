class Org:
    def __init__(self, slug, domains):
        self.slug = slug
        self.domains = list(domains)


ORGS = {
    "acme": Org("acme", domains=["acme.test", "acme-corp.test"]),
    "globex": Org("globex", domains=["globex.test"]),
}
