/**
 * The diff rule registry, one module per rule. Order matters only where a
 * rule pairs members for later rules (rpc-renamed before rpc-added/-removed);
 * `mxspec diff --list-rules` prints it in this order.
 */
import type { DiffRule } from '../types.js';
import { rule as editionMetadataChanged } from './edition-metadata-changed.js';
import { rule as registryEntryChanged } from './registry-entry-changed.js';
import { rule as rpcRenamed } from './rpc-renamed.js';
import { rule as rpcAdded } from './rpc-added.js';
import { rule as rpcRemoved } from './rpc-removed.js';
import { rule as rpcGroupChanged } from './rpc-group-changed.js';
import { rule as rpcRoomVersionDependenceChanged } from './rpc-room-version-dependence-changed.js';
import { rule as errorAdded } from './error-added.js';
import { rule as errorRemoved } from './error-removed.js';
import { rule as bindingAdded } from './binding-added.js';
import { rule as bindingRemoved } from './binding-removed.js';
import { rule as bindingMethodChanged } from './binding-method-changed.js';
import { rule as bindingPathChanged } from './binding-path-changed.js';
import { rule as bindingParameterPlacementChanged } from './binding-parameter-placement-changed.js';
import { rule as bindingAuthChanged } from './binding-auth-changed.js';
import { rule as bindingSuccessStatusChanged } from './binding-success-status-changed.js';
import { rule as bindingErrorStatusChanged } from './binding-error-status-changed.js';
import { rule as bindingContentTypeChanged } from './binding-content-type-changed.js';
import { rule as bindingRateLimitChanged } from './binding-rate-limit-changed.js';
import { rule as bindingGroupChanged } from './binding-group-changed.js';
import { rule as schemaAdded } from './schema-added.js';
import { rule as schemaRemoved } from './schema-removed.js';
import { rule as schemaMoved } from './schema-moved.js';
import { rule as schemaTypeChanged } from './schema-type-changed.js';
import { rule as mapValueTypeChanged } from './map-value-type-changed.js';
import { rule as schemaRefChanged } from './schema-ref-changed.js';
import { rule as formatChanged } from './format-changed.js';
import { rule as constChanged } from './const-changed.js';
import { rule as defaultChanged } from './default-changed.js';
import { rule as deprecationChanged } from './deprecation-changed.js';
import { rule as accessModeChanged } from './access-mode-changed.js';
import { rule as schemaExtendsChanged } from './schema-extends-changed.js';
import { rule as unionDiscriminatorChanged } from './union-discriminator-changed.js';
import { rule as propertyAddedOptional } from './property-added-optional.js';
import { rule as propertyRemovedOptional } from './property-removed-optional.js';
import { rule as propertyAddedRequiredRequest } from './property-added-required.request.js';
import { rule as propertyAddedRequiredResponse } from './property-added-required.response.js';
import { rule as propertyAddedRequiredNone } from './property-added-required.none.js';
import { rule as propertyRemovedRequiredRequest } from './property-removed-required.request.js';
import { rule as propertyRemovedRequiredResponse } from './property-removed-required.response.js';
import { rule as propertyRemovedRequiredNone } from './property-removed-required.none.js';
import { rule as propertyBecameRequiredRequest } from './property-became-required.request.js';
import { rule as propertyBecameRequiredResponse } from './property-became-required.response.js';
import { rule as propertyBecameRequiredNone } from './property-became-required.none.js';
import { rule as propertyBecameOptionalRequest } from './property-became-optional.request.js';
import { rule as propertyBecameOptionalResponse } from './property-became-optional.response.js';
import { rule as propertyBecameOptionalNone } from './property-became-optional.none.js';
import { rule as enumValueAddedRequest } from './enum-value-added.request.js';
import { rule as enumValueAddedResponse } from './enum-value-added.response.js';
import { rule as enumValueAddedNone } from './enum-value-added.none.js';
import { rule as enumValueRemovedRequest } from './enum-value-removed.request.js';
import { rule as enumValueRemovedResponse } from './enum-value-removed.response.js';
import { rule as enumValueRemovedNone } from './enum-value-removed.none.js';
import { rule as constraintTightenedRequest } from './constraint-tightened.request.js';
import { rule as constraintTightenedResponse } from './constraint-tightened.response.js';
import { rule as constraintTightenedNone } from './constraint-tightened.none.js';
import { rule as constraintLoosenedRequest } from './constraint-loosened.request.js';
import { rule as constraintLoosenedResponse } from './constraint-loosened.response.js';
import { rule as constraintLoosenedNone } from './constraint-loosened.none.js';
import { rule as unionMemberAddedRequest } from './union-member-added.request.js';
import { rule as unionMemberAddedResponse } from './union-member-added.response.js';
import { rule as unionMemberAddedNone } from './union-member-added.none.js';
import { rule as unionMemberRemovedRequest } from './union-member-removed.request.js';
import { rule as unionMemberRemovedResponse } from './union-member-removed.response.js';
import { rule as unionMemberRemovedNone } from './union-member-removed.none.js';
import { rule as nullableAddedRequest } from './nullable-added.request.js';
import { rule as nullableAddedResponse } from './nullable-added.response.js';
import { rule as nullableAddedNone } from './nullable-added.none.js';
import { rule as nullableRemovedRequest } from './nullable-removed.request.js';
import { rule as nullableRemovedResponse } from './nullable-removed.response.js';
import { rule as nullableRemovedNone } from './nullable-removed.none.js';
import { rule as contentBlockAdded } from './content-block-added.js';
import { rule as contentBlockRemoved } from './content-block-removed.js';
import { rule as eventTypeAdded } from './event-type-added.js';
import { rule as eventTypeRemoved } from './event-type-removed.js';
import { rule as eventKindChanged } from './event-kind-changed.js';
import { rule as eventStateKeyChanged } from './event-state-key-changed.js';
import { rule as eventRegistrarChanged } from './event-registrar-changed.js';
import { rule as msgtypeAdded } from './msgtype-added.js';
import { rule as msgtypeRemoved } from './msgtype-removed.js';
import { rule as eduTypeAdded } from './edu-type-added.js';
import { rule as eduTypeRemoved } from './edu-type-removed.js';
import { rule as roomVersionAdded } from './room-version-added.js';
import { rule as roomVersionRemoved } from './room-version-removed.js';
import { rule as roomVersionIdentifierChanged } from './room-version-identifier-changed.js';
import { rule as roomVersionStabilityChanged } from './room-version-stability-changed.js';
import { rule as roomVersionEnvelopeChanged } from './room-version-envelope-changed.js';
import { rule as eventIdFormatChanged } from './event-id-format-changed.js';
import { rule as roomIdFormatChanged } from './room-id-format-changed.js';
import { rule as redactionKeepListChanged } from './redaction-keep-list-changed.js';
import { rule as stateResolutionAlgorithmChanged } from './state-resolution-algorithm-changed.js';
import { rule as signingAlgorithmChanged } from './signing-algorithm-changed.js';
import { rule as roomVersionRuleAdded } from './room-version-rule-added.js';
import { rule as roomVersionRuleRemoved } from './room-version-rule-removed.js';
import { rule as roomVersionRuleChanged } from './room-version-rule-changed.js';
import { rule as roomVersionRuleMoved } from './room-version-rule-moved.js';
import { rule as documentAdded } from './document-added.js';
import { rule as documentRemoved } from './document-removed.js';
import { rule as documentMetadataChanged } from './document-metadata-changed.js';
import { rule as documentReferencesChanged } from './document-references-changed.js';
import { rule as sectionAdded } from './section-added.js';
import { rule as sectionRemoved } from './section-removed.js';
import { rule as sectionTitleChanged } from './section-title-changed.js';
import { rule as sectionMoved } from './section-moved.js';
import { rule as sectionTextChanged } from './section-text-changed.js';
import { rule as bcp14KeywordsChanged } from './bcp14-keywords-changed.js';
import { rule as descriptionChanged } from './description-changed.js';
import { rule as examplesChanged } from './examples-changed.js';
import { rule as lifecycleChanged } from './lifecycle-changed.js';
import { rule as portRecordChanged } from './port-record-changed.js';

export const DIFF_RULES: readonly DiffRule[] = [
  editionMetadataChanged,
  registryEntryChanged,
  rpcRenamed,
  rpcAdded,
  rpcRemoved,
  rpcGroupChanged,
  rpcRoomVersionDependenceChanged,
  errorAdded,
  errorRemoved,
  bindingAdded,
  bindingRemoved,
  bindingMethodChanged,
  bindingPathChanged,
  bindingParameterPlacementChanged,
  bindingAuthChanged,
  bindingSuccessStatusChanged,
  bindingErrorStatusChanged,
  bindingContentTypeChanged,
  bindingRateLimitChanged,
  bindingGroupChanged,
  schemaAdded,
  schemaRemoved,
  schemaMoved,
  schemaTypeChanged,
  mapValueTypeChanged,
  schemaRefChanged,
  formatChanged,
  constChanged,
  defaultChanged,
  deprecationChanged,
  accessModeChanged,
  schemaExtendsChanged,
  unionDiscriminatorChanged,
  propertyAddedOptional,
  propertyRemovedOptional,
  propertyAddedRequiredRequest,
  propertyAddedRequiredResponse,
  propertyAddedRequiredNone,
  propertyRemovedRequiredRequest,
  propertyRemovedRequiredResponse,
  propertyRemovedRequiredNone,
  propertyBecameRequiredRequest,
  propertyBecameRequiredResponse,
  propertyBecameRequiredNone,
  propertyBecameOptionalRequest,
  propertyBecameOptionalResponse,
  propertyBecameOptionalNone,
  enumValueAddedRequest,
  enumValueAddedResponse,
  enumValueAddedNone,
  enumValueRemovedRequest,
  enumValueRemovedResponse,
  enumValueRemovedNone,
  constraintTightenedRequest,
  constraintTightenedResponse,
  constraintTightenedNone,
  constraintLoosenedRequest,
  constraintLoosenedResponse,
  constraintLoosenedNone,
  unionMemberAddedRequest,
  unionMemberAddedResponse,
  unionMemberAddedNone,
  unionMemberRemovedRequest,
  unionMemberRemovedResponse,
  unionMemberRemovedNone,
  nullableAddedRequest,
  nullableAddedResponse,
  nullableAddedNone,
  nullableRemovedRequest,
  nullableRemovedResponse,
  nullableRemovedNone,
  contentBlockAdded,
  contentBlockRemoved,
  eventTypeAdded,
  eventTypeRemoved,
  eventKindChanged,
  eventStateKeyChanged,
  eventRegistrarChanged,
  msgtypeAdded,
  msgtypeRemoved,
  eduTypeAdded,
  eduTypeRemoved,
  roomVersionAdded,
  roomVersionRemoved,
  roomVersionIdentifierChanged,
  roomVersionStabilityChanged,
  roomVersionEnvelopeChanged,
  eventIdFormatChanged,
  roomIdFormatChanged,
  redactionKeepListChanged,
  stateResolutionAlgorithmChanged,
  signingAlgorithmChanged,
  roomVersionRuleAdded,
  roomVersionRuleRemoved,
  roomVersionRuleChanged,
  roomVersionRuleMoved,
  documentAdded,
  documentRemoved,
  documentMetadataChanged,
  documentReferencesChanged,
  sectionAdded,
  sectionRemoved,
  sectionTitleChanged,
  sectionMoved,
  sectionTextChanged,
  bcp14KeywordsChanged,
  descriptionChanged,
  examplesChanged,
  lifecycleChanged,
  portRecordChanged,
];
