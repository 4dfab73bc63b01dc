#!/usr/bin/env bash
# Installs the gatecheck release binary for the action: downloads gatecheck-VERSION-linux-ARCH.tar.gz from the
# release of the action's repository (tag vVERSION, named as scripts/release.sh names it), checks it against its
# .sha256, and puts the binary on PATH. "latest" is resolved through the REST API first.
# Environment: GATECHECK_VERSION, GATECHECK_REPOSITORY (owner/name), GITHUB_SERVER_URL, GITHUB_API_URL, GITHUB_TOKEN,
# RUNNER_TEMP, GITHUB_PATH.
set -euo pipefail

fail() { echo "::error title=gatecheck install::$*" >&2; exit 2; }

repository=${GATECHECK_REPOSITORY:?GATECHECK_REPOSITORY (github.action_repository) is not set}
server=${GITHUB_SERVER_URL:-https://github.com}
api=${GITHUB_API_URL:-https://api.github.com}
version=${GATECHECK_VERSION:-latest}
arch=$(uname -m)
[ "$(uname -s)" = Linux ] || fail "the release binary is built for Linux; run this job on a Linux runner"

auth=()
if [ -n "${GITHUB_TOKEN:-}" ]; then auth=(-H "Authorization: Bearer $GITHUB_TOKEN"); fi
if [ "$version" = latest ]; then
    tag=$(curl -fsSL "${auth[@]}" -H "Accept: application/vnd.github+json" "$api/repos/$repository/releases/latest" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["tag_name"])') ||
        fail "could not find the latest release of $repository; give the action a version"
    version=${tag#v}
else
    tag=v${version#v}
    version=${version#v}
fi
[[ $version =~ ^[0-9A-Za-z.+-]+$ ]] || fail "'$version' is not a version"

name=gatecheck-$version-linux-$arch
dir=${RUNNER_TEMP:-/tmp}/gatecheck-$version
mkdir -p "$dir"
cd "$dir"
url=$server/$repository/releases/download/$tag/$name.tar.gz
echo "gatecheck: downloading $url"
curl -fsSL --retry 3 -o "$name.tar.gz" "$url" || fail "could not download $url"
curl -fsSL --retry 3 -o "$name.tar.gz.sha256" "$url.sha256" || fail "could not download $url.sha256"
# The .sha256 names the tarball as released; check that line only, so a stray name cannot be checked instead.
expected=$(awk -v file="$name.tar.gz" '$2 == file || $2 == "*" file { print $1 }' "$name.tar.gz.sha256")
[ -n "$expected" ] || fail "$name.tar.gz.sha256 has no line for $name.tar.gz"
actual=$(sha256sum "$name.tar.gz" | cut -d' ' -f1)
[ "$expected" = "$actual" ] || fail "$name.tar.gz does not match its .sha256 (expected $expected, got $actual)"
tar -xzf "$name.tar.gz"
[ -x "$name/gatecheck" ] || fail "$name.tar.gz holds no $name/gatecheck"
echo "$dir/$name" >>"${GITHUB_PATH:-/dev/null}"
"$dir/$name/gatecheck" --version
