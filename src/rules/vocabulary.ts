/** The indicator ids of INDICATORS.md, in its order: the columns of the wide CSV. */
export const VOCABULARY = [
  'population.total', 'population.marriedWomen', 'births.total', 'births.first', 'births.second', 'births.thirdPlus',
  'births.inPolicy', 'births.outOfPolicy', 'births.first.inPolicy', 'births.first.outOfPolicy', 'births.second.inPolicy',
  'births.second.outOfPolicy', 'births.thirdPlus.inPolicy', 'births.thirdPlus.outOfPolicy', 'births.male', 'births.female',
  'rate.birth', 'rate.naturalIncrease', 'rate.policyCompliance', 'rate.first', 'rate.second', 'rate.thirdPlus',
  'sexRatio.atBirth', 'contraception.users', 'rate.contraceptivePrevalence', 'surgery.total', 'surgery.iudInsertion',
  'surgery.iudRemoval', 'surgery.sterilization', 'surgery.sterilizationFemale', 'surgery.sterilizationMale',
  'surgery.abortion', 'surgery.inducedLabor', 'surgery.abortionOrLabor', 'surgery.implant', 'subsidy.rewardAssistance',
  'subsidy.specialAssistance', 'subsidy.specialAssistance.bereaved', 'subsidy.specialAssistance.disabled',
  'subsidy.onlyChildParentReward', 'subsidy.onlyChildHealthFee', 'subsidy.total.amount', 'subsidy.rewardAssistance.amount',
  'subsidy.specialAssistance.amount', 'subsidy.surgeryComplication.amount', 'subsidy.onlyChildHealthFee.amount',
  'subsidy.onlyChildParentReward.amount', 'fee.socialMaintenance', 'healthCheck.preconception', 'healthCheck.gynecological',
] as const;
