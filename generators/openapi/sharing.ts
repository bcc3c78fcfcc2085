/**
 * Whether OpenAPI objects are shared between builds (see document.ts).
 * Sharing pays only when builds follow (`mxspec watch`); in a one-shot
 * build it would keep every component, operation and their serialised text
 * alive to the end of the build for nothing, which at scale is tens of MiB.
 * On by default, so that a types worker, which converts each model it is
 * sent, remembers across the models of a watch session; the OpenAPI
 * generator's `prepare` sets it for the main thread.
 */
let on = true;

export function shareOpenApiObjects(share: boolean): void {
  on = share;
}

export function openApiSharing(): boolean {
  return on;
}
