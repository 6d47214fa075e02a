{{/* Names are <release>-smartmix-<part>, cut to 63 characters (DNS labels). */}}
{{- define "smartmix.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 55 | trimSuffix "-" -}}
{{- end -}}

{{- define "smartmix.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "smartmix.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* The worker image: the CUDA one when GPUs are on. */}}
{{- define "smartmix.image" -}}
{{- $image := ternary .Values.gpu.image .Values.image .Values.gpu.enabled -}}
{{- printf "%s:%s" $image.repository (default .Chart.AppVersion $image.tag) -}}
{{- end -}}

{{- define "smartmix.coordinatorImage" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "smartmix.workerService" -}}
{{- printf "%s-workers" (include "smartmix.fullname" .) -}}
{{- end -}}

{{- define "smartmix.tokenSecret" -}}
{{- default (printf "%s-worker-token" (include "smartmix.fullname" .)) .Values.workerToken.existingSecret -}}
{{- end -}}

{{- define "smartmix.storeSecret" -}}
{{- default (printf "%s-store" (include "smartmix.fullname" .)) .Values.store.existingSecret -}}
{{- end -}}

{{/* Store credentials come from a Secret when one is named or created; otherwise the pod's own identity. */}}
{{- define "smartmix.hasStoreSecret" -}}
{{- if or .Values.store.existingSecret .Values.store.accessKeyId -}}true{{- end -}}
{{- end -}}

{{- define "smartmix.tokenEnv" -}}
- name: SMARTMIX_WORKER_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "smartmix.tokenSecret" . }}
      key: {{ .Values.workerToken.key }}
{{- end -}}
