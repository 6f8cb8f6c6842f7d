#!/usr/bin/env bash
# Natter on MicroK8s with Knative, from this repository: enables the addons it needs, builds the
# images with Paketo and pushes them to MicroK8s's registry, makes the Secrets once, applies the
# manifests and prints the chat's URL. Run it again after a change: it only redoes what changed.
#
#   knative/setup-microk8s.sh
#
# Needs: MicroK8s (1.28 or newer), a Docker engine for the image build, and a JDK 17+.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
kubectl=(microk8s kubectl)
ns=natter

step() { printf '\n== %s\n' "$*"; }

step "MicroK8s addons: dns, hostpath-storage, registry, knative"
microk8s status --wait-ready > /dev/null
microk8s enable dns
microk8s enable hostpath-storage
microk8s enable registry
microk8s enable community
microk8s enable knative

# The registry the cluster pulls from, as the registry addon announces it (KEP-1755).
registry=$("${kubectl[@]}" get configmap local-registry-hosting -n kube-public \
  -o jsonpath='{.data.localRegistryHosting\.v1}' | sed -n 's/^host: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p')
if [ -z "$registry" ]; then
  echo "The registry addon announced no host (configmap kube-public/local-registry-hosting)." >&2
  exit 1
fi
echo "registry: $registry"

# Knative resolves image tags to digests by asking the registry over HTTPS; the local registry
# speaks plain HTTP, so its tags are taken as they are.
"${kubectl[@]}" patch configmap config-deployment -n knative-serving --type merge \
  -p "{\"data\":{\"registries-skipping-tag-resolving\":\"kind.local,ko.local,dev.local,$registry\"}}"

step "Images, built with Paketo buildpacks and pushed to $registry"
(cd "$root" && ./mvnw -B -q -Pimages -DskipTests package \
  -Dnatter.image.prefix="$registry/" -Dspring-boot.build-image.publish=true \
  -Dspring-boot.build-image.imagePlatform=linux/amd64)

step "Namespace and Secrets (made once, never printed)"
"${kubectl[@]}" apply -f "$here/00-namespace.yaml"
random() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n'; }
secret() { # name key=value...
  local name=$1
  shift
  if ! "${kubectl[@]}" get secret "$name" -n "$ns" > /dev/null 2>&1; then
    local literals=()
    for pair in "$@"; do literals+=(--from-literal="$pair"); done
    "${kubectl[@]}" create secret generic "$name" -n "$ns" "${literals[@]}"
  fi
}
secret natter-artemis user=natter password="$(random)"
secret natter-broker ingress-token="$(random)" admin-token="$(random)"
secret natter-gateway token-secret="$(random)$(random)"

step "Manifests"
overlay=$(mktemp -d "$here/.overlay.XXXXXX")
trap 'rm -rf "$overlay"' EXIT
version=$(cd "$root" && ./mvnw -q help:evaluate -Dexpression=project.version -DforceStdout)
{
  echo "resources:"
  echo "  - .."
  echo "images:"
  for app in natter-broker natter-functions natter-gateway; do
    echo "  - name: $app"
    echo "    newName: $registry/$app"
    echo "    newTag: $version"
  done
} > "$overlay/kustomization.yaml"
"${kubectl[@]}" apply -k "$overlay"

step "Waiting for Artemis, the broker and the Knative Services"
"${kubectl[@]}" rollout status statefulset/artemis -n "$ns" --timeout=300s
"${kubectl[@]}" rollout status deployment/natter-broker -n "$ns" --timeout=300s
"${kubectl[@]}" wait ksvc --all -n "$ns" --for=condition=Ready --timeout=300s

# Knative names routes under a domain; without DNS for it, sslip.io maps Kourier's address.
if "${kubectl[@]}" get service kourier -n kourier-system > /dev/null 2>&1; then
  ip=$("${kubectl[@]}" get service kourier -n kourier-system -o jsonpath='{.spec.clusterIP}')
  domains=$("${kubectl[@]}" get configmap config-domain -n knative-serving \
    -o go-template='{{range $k, $v := .data}}{{if ne $k "_example"}}{{$k}} {{end}}{{end}}')
  if [ -z "$domains" ]; then
    "${kubectl[@]}" patch configmap config-domain -n knative-serving --type merge \
      -p "{\"data\":{\"$ip.sslip.io\":\"\"}}"
    "${kubectl[@]}" wait ksvc natter -n "$ns" --timeout=120s \
      --for=jsonpath='{.status.url}'="http://natter.$ns.$ip.sslip.io"
  fi
fi

step "Natter is running"
echo "chat:    $("${kubectl[@]}" get ksvc natter -n "$ns" -o jsonpath='{.status.url}')"
echo "ingress: kubectl port-forward -n $ns service/natter-broker 8081:80, then POST to http://localhost:8081/"
echo "         with the bearer token: microk8s kubectl get secret natter-broker -n $ns -o jsonpath='{.data.ingress-token}' | base64 -d"
