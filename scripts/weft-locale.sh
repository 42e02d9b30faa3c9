#!/usr/bin/env bash
#
# Sourced (never run) by every script that starts a JVM: makes the JVM read and write file names, arguments and
# environment values as UTF-8.
#
# Java decodes its arguments and encodes every path with the character set of the locale it starts in (LC_ALL,
# else LC_CTYPE, else LANG). In the C or POSIX locale (what cron, ssh without SendEnv and many service managers
# give) that is ASCII: a path such as 'données' becomes 'donn??es', so an existing input is "missing" and output
# lands in a directory of another name. When the locale does not name UTF-8, this switches the character set
# (LC_CTYPE, or LC_ALL when that is what is set) to C.UTF-8, which every glibc since 2.35 and Debian before it
# provide; messages, sorting and number formats keep the user's locale unless LC_ALL was set.

weft_utf8_locale() {
    local effective="${LC_ALL:-${LC_CTYPE:-${LANG:-}}}"
    case "$effective" in
        *[Uu][Tt][Ff]-8* | *[Uu][Tt][Ff]8*) return 0 ;;
    esac
    if [ -n "${LC_ALL:-}" ]; then
        export LC_ALL=C.UTF-8
    else
        export LC_CTYPE=C.UTF-8
    fi
}

weft_utf8_locale
