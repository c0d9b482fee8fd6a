SENT = []


def send_invite(inviter, email):
    subject = f"{inviter.name} invited you to the crew board"  # inviter: a User (views pass their current_user)
    SENT.append((email, subject))
    return subject
