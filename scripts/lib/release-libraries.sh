# Sourced by scripts/release.sh and scripts/test-release.sh: the one list of libraries the release binary may need.
#
# Only glibc's: the C library, its maths, threads, dynamic loading and real-time parts, the dynamic loader, and the
# kernel's vDSO. Each of them is part of every glibc system, so the binary runs wherever a new enough glibc does.
# Everything else (the Swift runtime, Foundation, libxml2, ICU, zlib, liblzma, libstdc++, libgcc) is linked in.
allowed_system_libraries='linux-vdso.so.1 libc.so.6 libm.so.6 libpthread.so.0 libdl.so.2 librt.so.1 ld-linux-x86-64.so.2'

# check_only_system_libraries BINARY: prints `ldd BINARY` and returns 1 if it lists a library not allowed above (or
# one it cannot find, or ldd fails).
check_only_system_libraries() {
    local binary=$1 listing line name bad=0
    if ! listing=$(ldd "$binary" 2>&1); then
        echo "ldd $binary failed:" >&2
        echo "$listing" >&2
        return 1
    fi
    echo "ldd $binary:" >&2
    echo "$listing" | sed 's/^/    /' >&2
    while IFS= read -r line; do
        # "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)", "/lib64/ld-linux-x86-64.so.2 (0x...)"
        name=$(echo "$line" | awk '{print $1}')
        name=${name##*/}
        [ -n "$name" ] || continue
        if [[ $line == *"not found"* ]] || [[ " $allowed_system_libraries " != *" $name "* ]]; then
            echo "not allowed: $line" >&2
            bad=1
        fi
    done <<<"$listing"
    return $bad
}
