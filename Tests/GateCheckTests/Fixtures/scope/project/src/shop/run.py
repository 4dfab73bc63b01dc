import subprocess


def export(name):
    # Shell injection: Bandit B602, HIGH severity.
    return subprocess.call("tar czf /tmp/%s.tgz data" % name, shell=True)


def total(prices):
    return sum(prices)
