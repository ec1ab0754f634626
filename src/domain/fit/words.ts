/**
 * Word lists the reading relies on: function words, words too common in any résumé or competency
 * definition to be evidence alone, and words about protected characteristics, which are never read as
 * evidence or relevance so that changing them never changes a score.
 */

export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above across after again against all almost along already also although always am among an and
  another any anyone anything are around as at be became because become been before being below between both
  but by can cannot could did do does doing done down during each either else etc even ever every for from
  further had has have having here how however i if in into is it its itself just least less many may me
  might more most much must my myself neither no nor not now of off often on once one only onto or other
  others our ours out over own per rather same several should since so some such than that the their theirs
  then there these they this those though through throughout thus to too toward towards under until up upon
  us very via was we were what whatever when where whether which while who whom whose why will with within
  without would yet you your yours present current currently today e g ie eg inc ltd llc co corp plc
  jan january feb february mar march apr april may jun june jul july aug august sep sept september oct
  october nov november dec december year years yr yrs month months`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/**
 * Words that appear in nearly every résumé or competency text; they count as evidence only together
 * with more specific words.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  `ability able accurate achieve achieved achieves across activities activity additional advanced appropriate
  apply applies applying area areas assist assisted assisting assists basic best broad business candidate
  capable clear clearly complex consistent consistently contribute contributes daily deliver delivered
  delivering delivers demonstrate demonstrated demonstrates develop developed developing develops different
  duties duty effective effectively efficient efficiently ensure ensured ensures ensuring environment
  existing experience experienced experiences expert field full good great help helped helping helps high
  identify identifies improve improved improves including independently individual information key knowledge
  large level levels lead leads level make makes making manage managed manages managing multiple necessary
  need needs new others overall own part perform performed performs practices process processes
  professional proven provide provided provides providing quality range regular related relevant
  required requirements responsibilities responsible results role roles routine set simple skill skilled
  skills small solid standard standards strong successful successfully support supported supporting supports
  take takes task tasks team teams tools understand understanding understands use used uses using various
  well wide work worked working works`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/**
 * Pronouns, honorifics, and words about gender, age, marital status, nationality, ethnicity, religion
 * and disability. Languages ("Spanish", "German") are a job skill and are not on the list, so a
 * nationality that is also a language's name is read as the language.
 */
export const PROTECTED_WORDS: ReadonlySet<string> = new Set(
  `he him his himself she her hers herself they them their theirs themselves ze zir xe xem mr mrs ms miss mx
  sir madam male female man woman men women boy girl gender transgender nonbinary pronouns husband wife
  spouse married divorced widowed marital maternity paternity pregnant pregnancy age aged old young older
  younger born birth birthday dob nationality citizen citizenship passport immigrant race ethnicity ethnic
  religion religious christian catholic protestant muslim islamic jewish hindu buddhist sikh atheist church
  mosque synagogue disability disabled veteran hispanic latino latina latinx caucasian african arab american
  british scottish welsh irish canadian australian indian pakistani bangladeshi filipino indonesian
  malaysian nigerian ghanaian kenyan ethiopian egyptian moroccan mexican brazilian argentinian colombian
  peruvian chilean cuban jamaican haitian belgian swiss austrian ukrainian romanian iranian iraqi syrian
  lebanese israeli saudi emirati swedish norwegian danish finnish icelandic hungarian czech slovak serbian
  croatian bulgarian zealander`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/**
 * Job nouns that end titles in every function ("engineer", "manager", "specialist"): a title's ending
 * alone says little when it is one of these.
 */
export const GENERIC_TITLE_NOUNS: ReadonlySet<string> = new Set(
  `engineer manager specialist analyst officer assistant associate coordinator representative consultant
  administrator technician executive director lead leader worker operator clerk agent supervisor
  professional advisor adviser partner head staff member generalist expert intern trainee apprentice
  helper aide attendant`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);
