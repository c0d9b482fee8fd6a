def allowed_domain(org, email):
    domain = email.rpartition("@")[2].lower()
    return domain in org.domains
