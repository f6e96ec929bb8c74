#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + color.png + outline.png in one zip) for upload in the Teams
# Developer Portal or the Teams admin center. Fills the {{PLACEHOLDERS}} in manifest.json from options or
# environment variables, checks every value, and refuses to write a package that still has a placeholder in it.
#
#   bash infra/teams/package.sh --app-id <MICROSOFT_APP_ID> --domain <BOT_DOMAIN> [options]
#
# Options (environment variable in brackets):
#   --app-id GUID        [MICROSOFT_APP_ID]  the bot's Microsoft App ID (deployment output microsoftAppId)
#   --domain HOST        [BOT_DOMAIN]        the bot's host name, no scheme (deployment output botDomain)
#   --teams-app-id GUID  [TEAMS_APP_ID]      the Teams app's own id; default: derived from the app id, so every
#                                            package for the same bot updates the same Teams app
#   --version X.Y.Z      [APP_VERSION]       app version, default 1.0.0; raise it for every update you upload
#   --publisher NAME     [PUBLISHER_NAME]    default "ScreeningBot"
#   --publisher-url URL  [PUBLISHER_URL]     https URL, default https://<domain>/
#   --privacy-url URL    [PRIVACY_URL]       https URL, default the publisher URL
#   --terms-url URL      [TERMS_URL]         https URL, default the publisher URL
#   --out DIR            [TEAMS_PACKAGE_OUT] output folder, default artifacts/teams (git-ignored)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }
fail() { echo "package.sh: $*" >&2; exit 2; }

app_id="${MICROSOFT_APP_ID:-}"
domain="${BOT_DOMAIN:-}"
teams_app_id="${TEAMS_APP_ID:-}"
version="${APP_VERSION:-1.0.0}"
publisher="${PUBLISHER_NAME:-ScreeningBot}"
publisher_url="${PUBLISHER_URL:-}"
privacy_url="${PRIVACY_URL:-}"
terms_url="${TERMS_URL:-}"
out="${TEAMS_PACKAGE_OUT:-$repo/artifacts/teams}"

while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --*) [ $# -ge 2 ] || fail "option $1 needs a value. Run with --help for the list." ;;
  esac
  case "$1" in
    --app-id) app_id="$2" ;;
    --domain) domain="$2" ;;
    --teams-app-id) teams_app_id="$2" ;;
    --version) version="$2" ;;
    --publisher) publisher="$2" ;;
    --publisher-url) publisher_url="$2" ;;
    --privacy-url) privacy_url="$2" ;;
    --terms-url) terms_url="$2" ;;
    --out) out="$2" ;;
    *) fail "unknown option '$1'. Run with --help for the list." ;;
  esac
  shift 2
done

command -v python3 >/dev/null 2>&1 || fail "python3 is needed to fill in the manifest and write the zip; install it (apt-get install python3) and run again."

[ -n "$app_id" ] || fail "the bot's Microsoft App ID is missing. Pass --app-id <guid> or set MICROSOFT_APP_ID (deployment output microsoftAppId)."
[ -n "$domain" ] || fail "the bot's domain is missing. Pass --domain <host> or set BOT_DOMAIN (deployment output botDomain, e.g. app-screeningbot-1234abcd.azurewebsites.net)."

mkdir -p "$out"
out="$(cd "$out" && pwd)"

MANIFEST="$here/manifest.json" ICON_DIR="$here" OUT_DIR="$out" \
APP_ID="$app_id" DOMAIN="$domain" TEAMS_APP="$teams_app_id" VERSION="$version" PUBLISHER="$publisher" \
PUBLISHER_URL_IN="$publisher_url" PRIVACY_URL_IN="$privacy_url" TERMS_URL_IN="$terms_url" \
python3 - <<'PY'
import json, os, re, sys, uuid, zipfile

def fail(message):
    print(f"package.sh: {message}", file=sys.stderr)
    sys.exit(2)

guid = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
host = re.compile(r"^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$")
semver = re.compile(r"^\d{1,9}\.\d{1,9}\.\d{1,9}$")

app_id = os.environ["APP_ID"].strip()
domain = os.environ["DOMAIN"].strip()
if not guid.match(app_id):
    fail(f"--app-id '{app_id}' is not a GUID. Use the bot's Microsoft App ID, e.g. from: az deployment group show -g <group> -n screeningbot --query properties.outputs.microsoftAppId.value -o tsv")
if not host.match(domain):
    fail(f"--domain '{domain}' is not a host name. Give the host only, without https:// or a path, e.g. app-screeningbot-1234abcd.azurewebsites.net")

# A stable default: the same bot always gets the same Teams app id, so a new package updates the installed app.
teams_app_id = os.environ["TEAMS_APP"].strip() or str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:screeningbot:teams-app:{app_id.lower()}"))
if not guid.match(teams_app_id):
    fail(f"--teams-app-id '{teams_app_id}' is not a GUID. Leave it out to derive one from the app id, or pass your existing Teams app's id.")

version = os.environ["VERSION"].strip()
if not semver.match(version):
    fail(f"--version '{version}' is not MAJOR.MINOR.PATCH (e.g. 1.0.1), as Teams requires.")

publisher = os.environ["PUBLISHER"].strip()
if not 1 <= len(publisher) <= 32:
    fail(f"--publisher must be 1-32 characters; got {len(publisher)}.")

def https_url(option, value, default):
    value = value.strip() or default
    if not re.match(r"^https://[^\s/]+(/\S*)?$", value) or len(value) > 2048:
        fail(f"{option} '{value}' must be an https:// URL (at most 2048 characters).")
    return value

publisher_url = https_url("--publisher-url", os.environ["PUBLISHER_URL_IN"], f"https://{domain}/")
values = {
    "MICROSOFT_APP_ID": app_id,
    "BOT_DOMAIN": domain,
    "TEAMS_APP_ID": teams_app_id,
    "APP_VERSION": version,
    "PUBLISHER_NAME": publisher,
    "PUBLISHER_URL": publisher_url,
    "PRIVACY_URL": https_url("--privacy-url", os.environ["PRIVACY_URL_IN"], publisher_url),
    "TERMS_URL": https_url("--terms-url", os.environ["TERMS_URL_IN"], publisher_url),
}

with open(os.environ["MANIFEST"], encoding="utf-8") as f:
    manifest = json.load(f)

placeholder = re.compile(r"\{\{([A-Z_]+)\}\}")

def fill(node):
    if isinstance(node, dict):
        return {k: fill(v) for k, v in node.items()}
    if isinstance(node, list):
        return [fill(v) for v in node]
    if isinstance(node, str):
        return placeholder.sub(lambda m: values[m.group(1)] if m.group(1) in values else m.group(0), node)
    return node

filled = fill(manifest)
text = json.dumps(filled, indent=2, ensure_ascii=False) + "\n"
left = sorted(set(placeholder.findall(text)))
if left:
    fail(f"manifest.json still has placeholders this script does not know: {', '.join(left)}. Add them to package.sh or remove them from the manifest.")

icons = filled["icons"]
out_dir = os.environ["OUT_DIR"]
zip_path = os.path.join(out_dir, "ScreeningBot.Teams.zip")
with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as z:
    # Teams wants the three files at the root of the zip, not in a folder.
    z.writestr("manifest.json", text)
    for name in (icons["color"], icons["outline"]):
        path = os.path.join(os.environ["ICON_DIR"], name)
        if not os.path.isfile(path):
            fail(f"icon '{name}' named in manifest.json is missing from {os.environ['ICON_DIR']}.")
        z.write(path, arcname=name)

print(f"Teams app package: {zip_path}")
print(f"  botId {app_id}, Teams app id {teams_app_id}, version {version}, domain {domain}")
PY
