import { AddFoundation1795391676370 } from './1795391676370-AddFoundation';
import { AddDisconnectRequests1795392900000 } from './1795392900000-AddDisconnectRequests';
import { AddChurnPlans1795394000000 } from './1795394000000-AddChurnPlans';
import { AddRequestRegion1795395000000 } from './1795395000000-AddRequestRegion';
import { AddChurnFacts1795396000000 } from './1795396000000-AddChurnFacts';
import { AddReportRollups1795397000000 } from './1795397000000-AddReportRollups';
import { AddAppClock1795398000000 } from './1795398000000-AddAppClock';
import { AddUserSessions1795399200000 } from './1795399200000-AddUserSessions';
import { ScopeIdempotencyKeys1795399300000 } from './1795399300000-ScopeIdempotencyKeys';
import { AddOneOpenApprovalPerOffer1795399310000 } from './1795399310000-AddOneOpenApprovalPerOffer';
import { AddChurnKind1795400100000 } from './1795400100000-AddChurnKind';
import { CountReasonNotFoundAsManaged1795400200000 } from './1795400200000-CountReasonNotFoundAsManaged';
import { AddTechnicalClosures1795400300000 } from './1795400300000-AddTechnicalClosures';
import { AddChurnDestination1795400400000 } from './1795400400000-AddChurnDestination';
import { RollUpLeaversByJoinAndKind1795400500000 } from './1795400500000-RollUpLeaversByJoinAndKind';
import { RollUpSavesByKind1795400600000 } from './1795400600000-RollUpSavesByKind';
import { AddReasonLearning1795407000000 } from './1795407000000-AddReasonLearning';
import { AddRequestDrafts1795406000000 } from './1795406000000-AddRequestDrafts';
import { AddImports1795401000000 } from './1795401000000-AddImports';
import { AddSubscriberSearchTerms1795408100000 } from './1795408100000-AddSubscriberSearchTerms';
import { AddLoginThrottle1795408200000 } from './1795408200000-AddLoginThrottle';
import { AddReferenceNameTranslations1795413000000 } from './1795413000000-AddReferenceNameTranslations';
import { AddReasonModelClassifierVersion1795420000000 } from './1795420000000-AddReasonModelClassifierVersion';
import { IndexClosedCasesBySubscriber1795417000000 } from './1795417000000-IndexClosedCasesBySubscriber';
import { AddPhoneTerm1795417100000 } from './1795417100000-AddPhoneTerm';
import { AddDerivedDataRebuild1795422000000 } from './1795422000000-AddDerivedDataRebuild';
import { AddChurnFactKindIndex1795421000000 } from './1795421000000-AddChurnFactKindIndex';
import { FoldSearchTermsOnce1795423000000 } from './1795423000000-FoldSearchTermsOnce';
import { AddAppClockTimestamp1795423100000 } from './1795423100000-AddAppClockTimestamp';
import { SearchQueueByTerms1795423200000 } from './1795423200000-SearchQueueByTerms';
import { AddReasonModelUpgradeCause1795428000000 } from './1795428000000-AddReasonModelUpgradeCause';
import { IndexNonPaymentLeavers1795432000000 } from './1795432000000-IndexNonPaymentLeavers';
import { AddAnswerFlow1795433100000 } from './1795433100000-AddAnswerFlow';
import { AnnounceEndedSessions1795434000000 } from './1795434000000-AnnounceEndedSessions';
import { LockSubscriberForRequest1795434100000 } from './1795434100000-LockSubscriberForRequest';
import { AddMrrFlow1795438100000 } from './1795438100000-AddMrrFlow';
import { SwitchEveryRollupTrigger1795439500000 } from './1795439500000-SwitchEveryRollupTrigger';
import { RegionIndexHoldsSubscriberId1795439600000 } from './1795439600000-RegionIndexHoldsSubscriberId';
import { PartMonthsFromIndexes1795439700000 } from './1795439700000-PartMonthsFromIndexes';
import { CreateRequestInOneStatement1795440000000 } from './1795440000000-CreateRequestInOneStatement';
import { OrderPaymentImportKeys1795441000000 } from './1795441000000-OrderPaymentImportKeys';
import { BuildSearchTermKeyAfterBulkInserts1795441100000 } from './1795441100000-BuildSearchTermKeyAfterBulkInserts';
import { CheckPaymentSubscribersPerStatement1795441200000 } from './1795441200000-CheckPaymentSubscribersPerStatement';
import { CheckSubscriberRegionsPerStatement1795443000000 } from './1795443000000-CheckSubscriberRegionsPerStatement';
import { AddLeaverCount1795444000000 } from './1795444000000-AddLeaverCount';
import { IndexNonPaymentSubscriptions1795444100000 } from './1795444100000-IndexNonPaymentSubscriptions';
import { PlanPaymentSubscriberCheckPerStatement1795445000000 } from './1795445000000-PlanPaymentSubscriberCheckPerStatement';
import { CoverResolvedRequests1795446000000 } from './1795446000000-CoverResolvedRequests';
import { ParallelSearchTerms1795447000000 } from './1795447000000-ParallelSearchTerms';
import { OnePaymentIndexBySubscriberAndDay1795447100000 } from './1795447100000-OnePaymentIndexBySubscriberAndDay';
import { CoverLeaverMultiRows1795447200000 } from './1795447200000-CoverLeaverMultiRows';
import { CoverPlanActuals1795447300000 } from './1795447300000-CoverPlanActuals';
import { AddLeaverFlow1795439000000 } from './1795439000000-AddLeaverFlow';
import { CheaperSearchFold1795437000000 } from './1795437000000-CheaperSearchFold';
import { SortedSearchTermInserts1795437100000 } from './1795437100000-SortedSearchTermInserts';
import { CheaperSearchTermInserts1795429000000 } from './1795429000000-CheaperSearchTermInserts';
import { AddCompetitorReportArchive1795411000000 } from './1795411000000-AddCompetitorReportArchive';
import { AddHiddenChurnCaseOffer1795409100000 } from './1795409100000-AddHiddenChurnCaseOffer';
import { AddPlanHiddenChurnLine1795409200000 } from './1795409200000-AddPlanHiddenChurnLine';
import { AddStaffMotivation1795403000000 } from './1795403000000-AddStaffMotivation';
import { AddRetentionCosts1795404100000 } from './1795404100000-AddRetentionCosts';
import { AddHiddenChurn1795402000000 } from './1795402000000-AddHiddenChurn';
import { AddWebhooks1795405100000 } from './1795405100000-AddWebhooks';
import { AddBillingDisconnections1795405200000 } from './1795405200000-AddBillingDisconnections';
import { OneExitSurveyPerRequest1795410000000 } from './1795410000000-OneExitSurveyPerRequest';
import { AddSurveyImportKey1795410100000 } from './1795410100000-AddSurveyImportKey';
import { AddSalaryHistory1795410200000 } from './1795410200000-AddSalaryHistory';
import { AddPlanAlerts1795412000000 } from './1795412000000-AddPlanAlerts';
import { AddSegmentChanges1795412100000 } from './1795412100000-AddSegmentChanges';
import { AddCaseOfferApprovals1795416000000 } from './1795416000000-AddCaseOfferApprovals';
import { KeepChurnFactsByTriggers1795418000000 } from './1795418000000-KeepChurnFactsByTriggers';

/** Every migration, in order. The API's data source runs them at start. */
export const MIGRATIONS = [
  AddFoundation1795391676370,
  AddDisconnectRequests1795392900000,
  AddChurnPlans1795394000000,
  AddRequestRegion1795395000000,
  AddChurnFacts1795396000000,
  AddReportRollups1795397000000,
  AddAppClock1795398000000,
  AddUserSessions1795399200000,
  ScopeIdempotencyKeys1795399300000,
  AddOneOpenApprovalPerOffer1795399310000,
  AddChurnKind1795400100000,
  CountReasonNotFoundAsManaged1795400200000,
  AddTechnicalClosures1795400300000,
  AddChurnDestination1795400400000,
  RollUpLeaversByJoinAndKind1795400500000,
  RollUpSavesByKind1795400600000,
  AddImports1795401000000,
  AddHiddenChurn1795402000000,
  AddStaffMotivation1795403000000,
  AddRetentionCosts1795404100000,
  AddWebhooks1795405100000,
  AddBillingDisconnections1795405200000,
  AddRequestDrafts1795406000000,
  AddReasonLearning1795407000000,
  AddSubscriberSearchTerms1795408100000,
  AddLoginThrottle1795408200000,
  AddHiddenChurnCaseOffer1795409100000,
  AddPlanHiddenChurnLine1795409200000,
  OneExitSurveyPerRequest1795410000000,
  AddSurveyImportKey1795410100000,
  AddSalaryHistory1795410200000,
  AddCompetitorReportArchive1795411000000,
  AddPlanAlerts1795412000000,
  AddSegmentChanges1795412100000,
  AddReferenceNameTranslations1795413000000,
  AddCaseOfferApprovals1795416000000,
  IndexClosedCasesBySubscriber1795417000000,
  AddPhoneTerm1795417100000,
  KeepChurnFactsByTriggers1795418000000,
  AddReasonModelClassifierVersion1795420000000,
  AddChurnFactKindIndex1795421000000,
  AddDerivedDataRebuild1795422000000,
  FoldSearchTermsOnce1795423000000,
  AddAppClockTimestamp1795423100000,
  SearchQueueByTerms1795423200000,
  AddReasonModelUpgradeCause1795428000000,
  CheaperSearchTermInserts1795429000000,
  IndexNonPaymentLeavers1795432000000,
  AddAnswerFlow1795433100000,
  AnnounceEndedSessions1795434000000,
  LockSubscriberForRequest1795434100000,
  CheaperSearchFold1795437000000,
  SortedSearchTermInserts1795437100000,
  AddMrrFlow1795438100000,
  AddLeaverFlow1795439000000,
  SwitchEveryRollupTrigger1795439500000,
  RegionIndexHoldsSubscriberId1795439600000,
  PartMonthsFromIndexes1795439700000,
  CreateRequestInOneStatement1795440000000,
  OrderPaymentImportKeys1795441000000,
  BuildSearchTermKeyAfterBulkInserts1795441100000,
  CheckPaymentSubscribersPerStatement1795441200000,
  CheckSubscriberRegionsPerStatement1795443000000,
  AddLeaverCount1795444000000,
  IndexNonPaymentSubscriptions1795444100000,
  PlanPaymentSubscriberCheckPerStatement1795445000000,
  CoverResolvedRequests1795446000000,
  ParallelSearchTerms1795447000000,
  OnePaymentIndexBySubscriberAndDay1795447100000,
  CoverLeaverMultiRows1795447200000,
  CoverPlanActuals1795447300000,
];

/** The search terms as two migrations define them, compared by test/api/search-terms.spec.ts. */
export { rawTermsOf as lateralSearchTermsOf } from './1795437100000-SortedSearchTermInserts';
export { rawTermsOf as parallelSearchTermsOf, foldsOf as searchTermFoldsOf, termsOfFolds as searchTermsOfFolds } from './1795447000000-ParallelSearchTerms';
