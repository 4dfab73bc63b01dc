#!/usr/bin/env python3
"""Posts or updates one sticky pull-request comment holding gatecheck's Markdown verdict.

The comment carries a hidden marker, ``<!-- gatecheck -->``, on its first line; the pull request's comments are
listed page by page (the REST API's ``Link: rel="next"``) and the first comment that starts with the marker is
updated, so a pull request keeps one comment however often the job runs. Without one, a comment is created.

Commenting is a courtesy, never the verdict: when the token may not comment (HTTP 401/403/404: a pull request from a
fork gets a read-only token) or the API cannot be reached, the script says so as a workflow warning and in the step
summary and exits 0. docs/ci.md shows the two-workflow ``workflow_run`` pattern that comments on forks' pull requests.

Python 3 standard library only. Environment: ``GITHUB_API_URL`` (default https://api.github.com), ``GITHUB_TOKEN``,
``GITHUB_REPOSITORY`` (owner/name), ``GITHUB_EVENT_PATH`` (the pull request's number), ``GITHUB_SERVER_URL`` and
``GITHUB_RUN_ID`` (the link to the run), ``GITHUB_STEP_SUMMARY``; ``--repo`` and ``--pr`` override the first ones.

    comment.py --markdown gatecheck.md [--pr 42] [--repo owner/name] [--only TAGS] [--skip TAGS]

A run with ``--only``/``--skip`` gets a comment of its own (marker ``<!-- gatecheck only=test -->``), so that the
stages of one pipeline keep one comment each.
"""

import argparse
import json
import os
import re
import sys
import urllib.error
import urllib.request

MARKER = "<!-- gatecheck -->"
#: GitHub refuses a comment body longer than this many characters.
MAX_BODY = 65536
#: Comments listed per page (the API's maximum).
PER_PAGE = 100
#: At most this many pages are read (10,000 comments): a bound, not a limit any real pull request meets.
MAX_PAGES = 100


class CommentError(Exception):
    """The API refused or could not be reached; ``status`` is the HTTP status, or None without a response."""

    def __init__(self, message, status=None):
        super().__init__(message)
        self.status = status


def request(method, url, token, body=None):
    """One API call; returns (decoded JSON, Link header). Raises CommentError."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    headers = {
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
        "User-Agent": "gatecheck-action",
    }
    if token:
        headers["Authorization"] = "Bearer " + token
    if data is not None:
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            text = response.read().decode("utf-8")
            return (json.loads(text) if text else None), response.headers.get("Link", "")
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace")[:300]
        raise CommentError("%s %s: HTTP %d %s" % (method, url, error.code, detail.strip()), error.code) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise CommentError("%s %s: %s" % (method, url, error)) from None


def next_link(link_header):
    """The URL of rel="next" in a Link header, or None."""
    for part in link_header.split(","):
        match = re.match(r'\s*<([^>]+)>\s*;\s*rel="?next"?', part)
        if match:
            return match.group(1)
    return None


def find_marked(api, repo, number, token, marker):
    """The id of the first comment of the pull request whose body starts with the marker, or None."""
    url = "%s/repos/%s/issues/%d/comments?per_page=%d" % (api, repo, number, PER_PAGE)
    for _ in range(MAX_PAGES):
        comments, link = request("GET", url, token)
        for comment in comments or []:
            if (comment.get("body") or "").startswith(marker):
                return comment["id"]
        url = next_link(link)
        if not url:
            return None
    return None


def body_for(markdown, marker, run_url):
    """The comment's body: the marker, then the verdict, cut with a note when it would exceed MAX_BODY."""
    body = marker + "\n" + markdown
    if len(body) <= MAX_BODY:
        return body
    link = " in [the run's summary](%s)" % run_url if run_url else " in the job's summary"
    note = "\n\n---\n*The verdict is longer than a comment may be (%d characters); it is cut here. The whole verdict is%s.*\n" % (
        MAX_BODY,
        link,
    )
    keep = body[: MAX_BODY - len(note)]
    # Cut at a line end, so that no table row or link is left half-written.
    if "\n" in keep[len(marker) + 1 :]:
        keep = keep[: keep.rfind("\n")]
    return keep + note


def stage_marker(only, skip):
    """The marker of a stage's comment: one sticky comment per --only/--skip selection, so that the jobs of a
    pipeline's stages do not overwrite one another's verdicts. Only letters, digits and . _ , - are kept (a tag is
    written like an id), and never two dashes in a row, which would end an HTML comment early."""
    if not only and not skip:
        return MARKER

    def clean(text):
        kept = re.sub(r"[^A-Za-z0-9._,-]", "_", text or "")
        return re.sub(r"-{2,}", "-", kept)

    parts = []
    if only:
        parts.append("only=" + clean(only))
    if skip:
        parts.append("skip=" + clean(skip))
    return "<!-- gatecheck " + " ".join(parts) + " -->"


def pull_request_number(event_path):
    """The pull request's number from the event payload, or None."""
    if not event_path or not os.path.exists(event_path):
        return None
    with open(event_path, encoding="utf-8") as handle:
        event = json.load(handle)
    number = (event.get("pull_request") or {}).get("number") or (event.get("issue") or {}).get("number")
    return int(number) if number else None


def warn(message, summary_path):
    """A workflow warning in the log, and the same sentence in the step summary."""
    print("::warning title=gatecheck comment::" + message.replace("\n", " "))
    if summary_path:
        try:
            with open(summary_path, "a", encoding="utf-8") as summary:
                summary.write("\n> [!WARNING]\n> gatecheck could not comment on the pull request: %s\n" % message)
        except OSError:
            pass


def main(argv=None):
    parser = argparse.ArgumentParser(description="Post or update gatecheck's sticky pull-request comment.")
    parser.add_argument("--markdown", required=True, help="the Markdown verdict (gatecheck --output markdown=FILE)")
    parser.add_argument("--pr", type=int, help="the pull request's number (default: from GITHUB_EVENT_PATH)")
    parser.add_argument("--repo", help="owner/name (default: GITHUB_REPOSITORY)")
    parser.add_argument("--marker", help="the hidden first line that identifies the comment (default: %s)" % MARKER)
    parser.add_argument("--only", default="", help="the run's --only tags: a comment of its own per stage")
    parser.add_argument("--skip", default="", help="the run's --skip tags: a comment of its own per stage")
    args = parser.parse_args(argv)
    args.marker = args.marker or stage_marker(args.only.strip(), args.skip.strip())

    env = os.environ
    summary = env.get("GITHUB_STEP_SUMMARY")
    api = env.get("GITHUB_API_URL", "https://api.github.com").rstrip("/")
    token = env.get("GITHUB_TOKEN", "")
    repo = args.repo or env.get("GITHUB_REPOSITORY", "")
    number = args.pr or pull_request_number(env.get("GITHUB_EVENT_PATH"))
    run_url = None
    if env.get("GITHUB_RUN_ID") and repo:
        run_url = "%s/%s/actions/runs/%s" % (env.get("GITHUB_SERVER_URL", "https://github.com"), repo, env["GITHUB_RUN_ID"])
    if not repo or not number:
        warn("no pull request to comment on (give --pr and --repo, or run on a pull_request event)", summary)
        return 0
    if not token:
        warn("no token (GITHUB_TOKEN is empty)", summary)
        return 0
    with open(args.markdown, encoding="utf-8") as handle:
        body = body_for(handle.read(), args.marker, run_url)

    try:
        existing = find_marked(api, repo, number, token, args.marker)
        if existing is None:
            created, _ = request("POST", "%s/repos/%s/issues/%d/comments" % (api, repo, number), token, {"body": body})
            print("gatecheck: commented on #%d: %s" % (number, (created or {}).get("html_url", "")))
        else:
            request("PATCH", "%s/repos/%s/issues/comments/%d" % (api, repo, existing), token, {"body": body})
            print("gatecheck: updated comment %d on #%d" % (existing, number))
    except CommentError as error:
        if error.status in (401, 403, 404):
            warn(
                "the token may not comment (%s). A pull request from a fork gets a read-only token: comment from a "
                "second workflow on workflow_run, as docs/ci.md shows. The verdict itself is unaffected." % error,
                summary,
            )
        else:
            warn("the GitHub API failed (%s). The verdict itself is unaffected." % error, summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
