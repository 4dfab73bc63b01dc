#!/usr/bin/env bash
# Builds the self-contained release binary: dist/gatecheck-VERSION-linux-ARCH.tar.gz and its .sha256 beside it
# (docs/install.md). Prints the tarball's path on standard output; progress goes to standard error.
#
#   scripts/release.sh [--scratch-path DIR] [--dist DIR]     # defaults: .build-release, dist
#   scripts/release.sh --print-version                        # the version it would build, and nothing else
#   scripts/release.sh --c-library ...                        # also SCRATCH/release/libGateCheckC.so (for the wheel)
#
# Static linking. The Swift runtime and Foundation are linked in by SwiftPM's --static-swift-stdlib. libxml2 comes in
# as `-lxml2` (CLibXML2's module map and pkg-config), which the linker would resolve to libxml2.so. This script does
# not change Package.swift (unsafeFlags in GateCheck or gatecheck would stop other packages depending on gatecheck).
# It makes a folder, SCRATCH/static-libs, whose libxml2.so is a linker script naming static archives: libxml2.a and
# what its objects need (ICU's libicuuc.a and libicudata.a, which libxml2 converts encodings with; libz.a and
# liblzma.a, for compressed input). A libxml-2.0.pc there, found first through PKG_CONFIG_PATH, puts that folder
# first on the linker's search path: SwiftPM writes pkg-config's -L/usr/lib/ARCH-linux-gnu before any -Xlinker
# flag, so -Xlinker -L alone would come too late. The same folder's libstdc++.so names libstdc++.a (the static Swift
# runtime and ICU ask for -lstdc++), and clang is told -static-libgcc, so that `ldd` shows only glibc's libraries.
# Nothing outside the scratch path changes.
#
# The version. A tagged commit (`git describe --tags --exact-match`, a tag vX.Y.Z or X.Y.Z) gives X.Y.Z; the tag must
# start with the version written in Sources/GateCheck/GateCheck.swift (`sourceVersion`), else the script stops, since
# the library built any other way would call itself by the source's version. An untagged commit gives
# SOURCEVERSION+untagged.SHORTSHA. Uncommitted changes add `.dirty` (`+dirty` after a tag). The value reaches the
# code as a C macro, -Xcc -DGATECHECK_BUILD_VERSION="...", which the CLibXML2 shim returns from
# gatecheck_build_version() and gateCheckVersion prefers to the source's: no generated file, nothing written in the
# source tree (git status stays clean), and a normal `swift build` leaves the macro undefined and is unchanged. The
# flag is in the compile commands, so a new version recompiles everything in the scratch path (a full release build).
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-release
dist=dist
print_version=
c_library=
while [ $# -gt 0 ]; do
    case $1 in
        --scratch-path) scratch=$2; shift 2 ;;
        --dist) dist=$2; shift 2 ;;
        --print-version) print_version=yes; shift ;;
        --c-library) c_library=yes; shift ;;
        -h | --help) sed -n '2,7p' "$0"; exit 0 ;;
        *) echo "release.sh: unknown argument $1 (see --help)" >&2; exit 64 ;;
    esac
done

say() { echo "release.sh: $*" >&2; }
fail() {
    echo "release.sh: FAIL: $*" >&2
    exit 1
}

[ "$(uname -s)" = Linux ] || fail "builds Linux binaries only (this is $(uname -s))"
arch=$(uname -m)

# --- the version -------------------------------------------------------------------------------------------------
source_version=$(sed -n 's/^let sourceVersion = "\(.*\)"$/\1/p' Sources/GateCheck/GateCheck.swift)
[ -n "$source_version" ] || fail "no 'let sourceVersion = \"...\"' line in Sources/GateCheck/GateCheck.swift"
dirty=
if [ -n "$(git status --porcelain)" ]; then dirty=yes; fi
if tag=$(git describe --tags --exact-match 2>/dev/null); then
    version=${tag#v}
    case $version in
        "$source_version" | "$source_version"-* | "$source_version"+*) ;;
        *) fail "tag $tag does not match the source's version $source_version (Sources/GateCheck/GateCheck.swift)" ;;
    esac
    if [ -n "$dirty" ]; then
        case $version in *+*) version=$version.dirty ;; *) version=$version+dirty ;; esac
    fi
else
    version=$source_version+untagged.$(git rev-parse --short=12 HEAD)
    if [ -n "$dirty" ]; then version=$version.dirty; fi
fi
# It goes into a C string literal and a file name.
[[ $version =~ ^[0-9A-Za-z.+-]+$ ]] || fail "version '$version' has characters other than letters, digits, . + -"
[ -z "$dirty" ] || say "WARNING: the working tree has uncommitted changes; the version says so: $version"
if [ -n "$print_version" ]; then
    echo "$version"
    exit 0
fi
say "version $version"

# --- the static archives -----------------------------------------------------------------------------------------
libdir=/usr/lib/$arch-linux-gnu
need_archive() {
    [ -f "$1" ] || fail "$1 is missing (apt-get install $2)"
}
need_archive "$libdir/libxml2.a" libxml2-dev
need_archive "$libdir/libicuuc.a" libicu-dev
need_archive "$libdir/libicudata.a" libicu-dev
need_archive "$libdir/libz.a" zlib1g-dev
need_archive "$libdir/liblzma.a" liblzma-dev
libstdcxx=$(cc -print-file-name=libstdc++.a)
[ -f "$libstdcxx" ] || fail "libstdc++.a not found (cc -print-file-name=libstdc++.a; apt-get install libstdc++-12-dev)"

mkdir -p "$scratch"
static=$(cd "$scratch" && pwd)/static-libs
rm -rf "$static"
mkdir -p "$static"
# GROUP: the archives refer to one another (libxml2 to ICU, ICU's common part to its data), so the linker searches
# them until nothing more resolves, whatever their order.
echo "GROUP ( $libdir/libxml2.a $libdir/libicuuc.a $libdir/libicudata.a $libdir/libz.a $libdir/liblzma.a )" \
    >"$static/libxml2.so"
echo "GROUP ( $libstdcxx )" >"$static/libstdc++.so"
pkg-config --exists libxml-2.0 || fail "pkg-config does not know libxml-2.0 (apt-get install libxml2-dev pkg-config)"
cat >"$static/libxml-2.0.pc" <<EOF
Name: libxml-2.0
Description: libxml2 from its static archive, for scripts/release.sh
Version: $(pkg-config --modversion libxml-2.0)
Cflags: $(pkg-config --cflags libxml-2.0)
Libs: -L$static -lxml2
EOF

# --- the build ---------------------------------------------------------------------------------------------------
build=(swift build -c release --static-swift-stdlib --product gatecheck --scratch-path "$scratch"
    -Xcc "-DGATECHECK_BUILD_VERSION=\"$version\""
    -Xlinker -L"$static"
    -Xswiftc -Xclang-linker -Xswiftc -static-libgcc)
say "${build[*]}"
system_pkg_config_path=${PKG_CONFIG_PATH-}
export PKG_CONFIG_PATH=$static${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
nice "${build[@]}" >&2
bin=$("${build[@]}" --show-bin-path)/gatecheck

# The C ABI's shared library, for the wheel (scripts/build-wheel.sh). It cannot take libxml2 and ICU in from their
# archives: Debian compiles them as position-independent executables' code (-fPIE), whose references to libc's data
# (stderr, __timezone) a shared library cannot hold ("requires dynamic R_X86_64_PC32 reloc ... recompile with
# -fPIC"). So it links them dynamically, with the system pkg-config, and the wheel's auditwheel repair copies them in
# beside it. Same compile flags as the executable, same version.
if [ -n "$c_library" ]; then
    lib_build=("${build[@]}")
    lib_build[6]=GateCheckC
    say "PKG_CONFIG_PATH=$system_pkg_config_path ${lib_build[*]}"
    PKG_CONFIG_PATH=$system_pkg_config_path nice "${lib_build[@]}" >&2
    say "built $("${build[@]}" --show-bin-path)/libGateCheckC.so"
fi

# --- checks before packing -------------------------------------------------------------------------------------------
shown=$("$bin" --version)
[ "$shown" = "$version" ] || fail "$bin --version says '$shown', expected '$version'"
# shellcheck source=scripts/lib/release-libraries.sh
. scripts/lib/release-libraries.sh
check_only_system_libraries "$bin" || fail "$bin needs libraries beyond glibc's (listed above)"
# The library imports FoundationEssentials only; one plain `import Foundation` links FoundationInternationalization
# and its ICU data in (40 MB more, seen once after a merge), which nothing else would catch.
if grep -q FoundationInternationalization "$bin"; then
    fail "$bin links FoundationInternationalization: a file imports Foundation instead of FoundationEssentials" \
        "(grep -rn '^import Foundation$' Sources)"
fi

# The newest glibc symbol version the binary asks for is the oldest glibc it runs on.
glibc_min=$(objdump -T "$bin" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1 | sed 's/GLIBC_/glibc /')
[ -n "$glibc_min" ] || fail "objdump -T $bin shows no glibc symbol version"

# --- the tarball -----------------------------------------------------------------------------------------------------
name=gatecheck-$version-linux-$arch
mkdir -p "$dist"
dist=$(cd "$dist" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
# Symbols are not needed to run (Swift's metadata is in its own sections); stripping roughly halves the size.
strip -o "$stage/$name/gatecheck" "$bin"
cp README.md "$stage/$name/"
if [ -f LICENSE ]; then cp LICENSE "$stage/$name/"; fi
cat >"$stage/$name/INSTALL" <<EOF
gatecheck $version for Linux $arch

A single executable: the Swift runtime, Foundation, libxml2, ICU, zlib, liblzma and libstdc++ are linked in, so
it needs only $glibc_min or newer (libc, libm and the dynamic loader) and no Swift toolchain.

  install -m 755 gatecheck /usr/local/bin/      # or anywhere on PATH
  gatecheck --version                           # $version
  gatecheck --config gates.json reports/        # exit 0 pass, 1 fail, 2 cannot judge

README.md is the user guide. The release is built by scripts/release.sh (docs/install.md in the repository).
EOF
# Fixed owners, order and times: the same binary gives the same tarball.
mtime=$(git log -1 --format=%ct)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" -C "$stage" -cf - "$name" \
    | gzip -n -9 >"$dist/$name.tar.gz"
(cd "$dist" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
say "$dist/$name.tar.gz ($(stat -c %s "$dist/$name.tar.gz") bytes; binary $(stat -c %s "$stage/$name/gatecheck") bytes)"
say "$(cat "$dist/$name.tar.gz.sha256")"
echo "$dist/$name.tar.gz"
