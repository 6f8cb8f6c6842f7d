#!/usr/bin/env bash
# Natter on MicroK8s with Knative, from this repository: enables the addons it needs, builds the
# images with Paketo and pushes them to MicroK8s's registry, makes the Secrets once, applies the
# manifests and prints the chat's URL. Run it again after a change: the images get a new tag,
# so the broker rolls and the Knative Services make new revisions.
#
#   knative/setup-microk8s.sh
#
# Needs: MicroK8s 1.28 or newer (its user in the microk8s group), a Docker engine the user can
# reach (for the Paketo build), a JDK 17 or newer, and internet access. See knative/README.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
kubectl=(microk8s kubectl)
ns=natter

step() { printf '\n== %s\n' "$*"; }
fail() {
  echo "setup-microk8s: $*" >&2
  exit 1
}

command -v microk8s > /dev/null || fail "MicroK8s is not installed: sudo snap install microk8s --classic"
docker info > /dev/null 2>&1 ||
  fail "no Docker engine answers (the image build needs one); is your user in the docker group?"

step "MicroK8s addons: dns, hostpath-storage, registry, knative"
microk8s status --wait-ready --timeout 300 > /dev/null
microk8s enable dns
microk8s enable hostpath-storage
microk8s enable registry
microk8s enable community
microk8s enable knative
"${kubectl[@]}" rollout status deployment/registry -n container-registry --timeout=300s

# The registry the cluster pulls from, as the registry addon announces it (KEP-1755).
registry=$("${kubectl[@]}" get configmap local-registry-hosting -n kube-public \
  -o jsonpath='{.data.localRegistryHosting\.v1}' |
  sed -n 's/^host: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' || true)
[ -n "$registry" ] ||
  fail "the registry addon announced no host (configmap kube-public/local-registry-hosting)"
echo "registry: $registry"

# The addon installs Knative Serving through the Knative Operator, which owns Serving's
# ConfigMaps: settings go on its KnativeServing object, or the operator puts them back.
step "Knative Serving settings"
if "${kubectl[@]}" get knativeserving knative-serving -n knative-serving > /dev/null 2>&1; then
  "${kubectl[@]}" wait knativeserving/knative-serving -n knative-serving \
    --for=condition=Ready --timeout=900s
  serving_config() { # name json
    "${kubectl[@]}" patch knativeserving knative-serving -n knative-serving --type merge \
      -p "{\"spec\":{\"config\":{\"$1\":$2}}}"
  }
else
  "${kubectl[@]}" wait deployment --all -n knative-serving --for=condition=Available --timeout=900s
  serving_config() { # name json
    "${kubectl[@]}" patch configmap "config-$1" -n knative-serving --type merge -p "{\"data\":$2}"
  }
fi
# Knative resolves image tags to digests by asking the registry over HTTPS; the local registry
# speaks plain HTTP, so its tags are taken as they are (each build has its own tag).
serving_config deployment \
  "{\"registries-skipping-tag-resolving\":\"kind.local,ko.local,dev.local,$registry\"}"

# Kourier's address: a load balancer's where MetalLB gives one, else the cluster IP, which
# this machine reaches. Without a domain of its own, Knative names routes under sslip.io.
kourier_ns=$(for candidate in knative-serving kourier-system; do
  if "${kubectl[@]}" get service kourier -n "$candidate" > /dev/null 2>&1; then
    echo "$candidate"
    break
  fi
done)
[ -n "$kourier_ns" ] || fail "found no Kourier service in knative-serving or kourier-system"
ip=$("${kubectl[@]}" get service kourier -n "$kourier_ns" \
  -o jsonpath='{.status.loadBalancer.ingress[0].ip}')
[ -n "$ip" ] || ip=$("${kubectl[@]}" get service kourier -n "$kourier_ns" -o jsonpath='{.spec.clusterIP}')
domain=${NATTER_DOMAIN:-$ip.sslip.io}
serving_config domain "{\"$domain\":\"\"}"

step "Images, built with Paketo buildpacks and pushed to $registry"
version=$(cd "$root" && ./mvnw -q help:evaluate -Dexpression=project.version -DforceStdout)
tag="$version-$(date -u +%Y%m%d%H%M%S)"
(cd "$root" && ./mvnw -B -q -Pimages -DskipTests package \
  -Dnatter.image.prefix="$registry/" -Dnatter.image.tag="$tag" \
  -Dspring-boot.build-image.publish=true)

step "Namespace and Secrets (made once, never printed)"
"${kubectl[@]}" apply -f "$here/00-namespace.yaml"
random() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n'; }
secret() { # name key=value...
  local name=$1
  shift
  if ! "${kubectl[@]}" get secret "$name" -n "$ns" > /dev/null 2>&1; then
    local literals=()
    for pair in "$@"; do literals+=(--from-literal="$pair"); done
    "${kubectl[@]}" create secret generic "$name" -n "$ns" "${literals[@]}" > /dev/null
    echo "secret/$name created"
  fi
}
secret natter-artemis user=natter password="$(random)"
secret natter-broker ingress-token="$(random)" admin-token="$(random)"
secret natter-gateway token-secret="$(random)$(random)"

step "Manifests, with the images of tag $tag"
# Kustomize takes a base by a relative path from outside it.
overlay=$(mktemp -d)
trap 'rm -rf "$overlay"' EXIT
{
  echo "resources:"
  echo "  - $(realpath --relative-to="$overlay" "$here")"
  echo "images:"
  for app in natter-broker natter-functions natter-gateway; do
    echo "  - name: $app"
    echo "    newName: $registry/$app"
    echo "    newTag: $tag"
  done
} > "$overlay/kustomization.yaml"
"${kubectl[@]}" apply -k "$overlay"

step "Waiting for Artemis, the broker and the Knative Services"
"${kubectl[@]}" rollout status statefulset/artemis -n "$ns" --timeout=300s
"${kubectl[@]}" rollout status deployment/natter-broker -n "$ns" --timeout=300s
"${kubectl[@]}" wait ksvc --all -n "$ns" --for=condition=Ready --timeout=600s

step "Natter is running"
echo "chat:    $("${kubectl[@]}" get ksvc natter -n "$ns" -o jsonpath='{.status.url}')"
echo "ingress: microk8s kubectl port-forward -n $ns service/natter-broker 8081:80, then POST"
echo "         to http://localhost:8081/ with the bearer token from"
echo "         microk8s kubectl get secret natter-broker -n $ns -o jsonpath='{.data.ingress-token}' | base64 -d"
