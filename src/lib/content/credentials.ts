// What the letters after a clinician's name mean, in plain words, for the people pages. A reader
// weighing "reviewed by Dr. …, MD, FASAM" should not need to look the letters up.

const MEANINGS: Readonly<Record<string, string>> = {
  MD: 'Doctor of Medicine: a licensed physician',
  DO: 'Doctor of Osteopathic Medicine: a licensed physician',
  FASAM:
    'Fellow of the American Society of Addiction Medicine: recognized for long service and expertise in addiction medicine',
  PharmD: 'Doctor of Pharmacy: a pharmacist, an expert in how medicines work, interact and are safely stopped',
  RPh: 'Registered Pharmacist: licensed to dispense medicines',
  RN: 'Registered Nurse: a licensed nurse',
  NP: 'Nurse Practitioner: an advanced-practice nurse who can diagnose and prescribe',
  PA: 'Physician Assistant: a licensed clinician who diagnoses and treats under a physician’s supervision',
  PhD: 'Doctor of Philosophy: a research doctorate',
  PsyD: 'Doctor of Psychology: a clinical psychologist',
  LCSW: 'Licensed Clinical Social Worker: licensed to provide therapy and counseling',
  LPC: 'Licensed Professional Counselor: licensed to provide counseling',
  LMFT: 'Licensed Marriage and Family Therapist',
  LADC: 'Licensed Alcohol and Drug Counselor',
  LCADC: 'Licensed Clinical Alcohol and Drug Counselor: licensed to treat substance use disorders',
  BCPP: 'Board Certified Psychiatric Pharmacist: a pharmacist certified in medicines for mental health and substance use',
  CADC: 'Certified Alcohol and Drug Counselor',
  MPH: 'Master of Public Health',
  MSW: 'Master of Social Work',
  MA: 'Master of Arts',
  MS: 'Master of Science',
  BSN: 'Bachelor of Science in Nursing',
};

/** Each credential with its plain meaning, in the order given; unknown ones are left out. */
export function credentialMeanings(credentials: readonly string[]): Array<{ credential: string; meaning: string }> {
  return credentials.flatMap((credential) => {
    const meaning = MEANINGS[credential];
    return meaning ? [{ credential, meaning }] : [];
  });
}
