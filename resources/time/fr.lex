# dyade-time lexicon, French. Format (shared by every <lang>.lex):
#   - a line `# ...` is a comment; ` # ` after content starts a trailing comment;
#   - `@CLASS [exact] [weak]` opens a named lexicon class; rules refer to it as `@CLASS`;
#     `exact` classes match the lowercased form with accents kept (tense markers: "a" ≠ "à"),
#     other classes match the lowercased, accent-folded form (so "fevrier" = "février");
#     `weak` classes (articles, numerals, markers) never start a match on their own: matching is
#     only tried within five tokens before a number or a word of a non-weak class (speed);
#   - `surface | surface ... => slot=value ...` adds entries; a surface may span several
#     tokens ("jour de la libération", "aujourd'hui"); values are integers or bare strings.
# Slots are the engine's language-neutral vocabulary (crates/dyade-time/src/lang.rs SLOTS):
#   year month day weekday(1=Mon) season(SP/SU/FA/WI) quarter half pod(MO/MI/AF/EV/NI/DT)
#   hour minute n frac n2 mult unit(Y/M/W/D/H/MIN/S/DE/CE/Q/WE/BD = business days) shift (signed, in `unit`)
#   sign (×n) dir(past/future/this) anchor(last = last mentioned day; day = counted from a day,
#   "3 years from today": day precision) century decade
#   easter (days after Easter) pm half_hour minus type(DATE/TIME/DURATION/SET) ref mod drop
#   ordinal + sub(D/W/WD) (a day, week or weekday counted inside a month; -1 = the last)
#   lead (first N tokens out of TimeML spans) keep (Recognizers-style spans keep the lead)
#   sched (rule only for scheduling-style inputs) news (rule only for news-style inputs) endp (the match must be followed by
#   punctuation or the end of the text; endp=2: by a comma, a detached adverbial) h24 (a 24-hour clock notation: "3h18" is never 15:18;
#   other clock times from 1 to 11 without am/pm take their next occurrence in scheduling inputs)
#   cal (calendar of month/day or easter: IS = Islamic (by the conjunction), OR = Orthodox Easter, HE = Hebrew,
#   CN = Chinese lunar, its first month only; SO = Indian sidereal solar months, 1 = Mesha;
#   ZO = Parsi Shahenshahi; HI = Hindu lunar months, day = the lunar day, obs = the hour it must prevail at;
#   NK = a lunar mansion (day, 1–27) in a sidereal solar month, prevailing at the `obs` hour, sunrise by default)
#   tz (UTC offset of a clock time's time zone, minutes; converted to the reference's zone)
#   comp (composition operator: shift / nth, see fr.rules) base (set by `$KIND:base` only)
#   ell (an elliptic item of a coordinated list, "18th" in "July 17th, 18th": scheduling-style
#   spans keep it only when a `@COORD` word ties it to a parallel expression that completes
#   it; TimeML spans drop it)
#   roll (scheduling inputs: this period's start, once its first third is over, is the next's)
#   obs (observance: of a fixed-date holiday on given weekdays, "Sa-1Su+1" moves a Saturday
#   to the Friday before and a Sunday to the Monday after; the hour of a Hindu lunar day;
#   BN = Bengali solar months)
#   era (BC: a year before the Christian era, TIMEX3 value `BC2014`; FY / SY: a fiscal / school
#   year, `FY2008`)
#   obs=E-1-7 (a day that falls on Easter-1 moves by -7: Earth Hour off Holy Saturday)
#   len / lenm (a named period that lasts, a multi-day holiday: its length in days from the
#   day the other slots name, or in months of its own calendar, ending the day before the same
#   day that many months on; the value stays the start, the end is the range end that
#   Recognizers-style readings resolve; told at a clock time, `len` is in minutes, and the end
#   is the clock time it ends at)
#   rest (rest=1: the rest of the period the other slots name, "the rest of the week": where
#   ranges are read, a range from now to the period's last day, or a day's last minute)
#   durm (set by the engine: a duration's calendar months beside its clock part in n/unit,
#   "1 year 1 month 21 days" → P1Y1M21D)

@MONTH
janvier | janv | janv. | jan => month=1
février | fevrier | févr | févr. | fev | fév | fev. | fév. => month=2
mars => month=3
avril | avr | avr. => month=4
mai => month=5
juin | jun => month=6
juillet | juil | juil. | jul | jui | jui. => month=7
août | aout => month=8
septembre | sept. | sep | sep. => month=9
octobre | oct | oct. => month=10
novembre | nov | nov. => month=11
décembre | decembre | déc | déc. | dec | dec. => month=12

@WEEKDAY
lundi | lun => weekday=1
mardi | mar => weekday=2
mercredi | mer => weekday=3
jeudi | jeu => weekday=4
vendredi | ven => weekday=5
samedi | sam => weekday=6
dimanche | dim => weekday=7

# abbreviations written with their period ("lun.") name a day on their own
@WEEKDAY_ABBR
lun => weekday=1
mar => weekday=2
mer => weekday=3
jeu => weekday=4
ven => weekday=5
sam => weekday=6
dim => weekday=7

@WEEKDAY_FULL
lundi => weekday=1
mardi => weekday=2
mercredi => weekday=3
jeudi => weekday=4
vendredi => weekday=5
samedi => weekday=6
dimanche => weekday=7

# parts of the day in the plural, for recurrences ("tous les matins")
@PODS
matins => pod=MO
après-midis | après-midi => pod=AF
soirs => pod=EV
nuits => pod=NI

@WEEKDAYS
lundis => weekday=1
mardis => weekday=2
mercredis => weekday=3
jeudis => weekday=4
vendredis => weekday=5
samedis => weekday=6
dimanches => weekday=7

@SEASON
printemps => season=SP
été => season=SU
automne => season=FA
hiver => season=WI

# numerals in words (n); compounds are read by the NUM rules as n + n2
@NUM weak
un | une => n=1
deux => n=2
trois => n=3
quatre => n=4
cinq => n=5
six => n=6
sept => n=7
huit => n=8
neuf => n=9
dix => n=10
onze => n=11
douze => n=12
treize => n=13
quatorze => n=14
quinze => n=15
seize => n=16
dix-sept | dix sept => n=17
dix-huit | dix huit => n=18
dix-neuf | dix neuf => n=19
vingt => n=20
vingt et un | vingt-et-un | vingt-et-une | vingt et une => n=21
vingt-deux | vingt deux => n=22
vingt-trois | vingt trois => n=23
vingt-quatre | vingt quatre => n=24
vingt-cinq | vingt cinq => n=25
vingt-six | vingt six => n=26
vingt-sept | vingt sept => n=27
vingt-huit | vingt huit => n=28
vingt-neuf | vingt neuf => n=29
trente => n=30
trente et un | trente-et-un | trente et une => n=31
quarante => n=40
cinquante => n=50
soixante => n=60
soixante-dix | soixante dix => n=70
quatre-vingt | quatre-vingts | quatre vingt => n=80
quatre-vingt-dix | quatre vingt dix => n=90
cent => n=100
mille => n=1000
deux mille => n=2000

# ordinal words giving a day of month
@DAYWORD
premier | 1er | 1ère | première => day=1

@ORDINAL weak
premier | première | 1er => n=1
deuxième | second | seconde | 2e | 2ème => n=2
troisième | 3e | 3ème => n=3
quatrième | 4e => n=4
cinquième => n=5
dernier | dernière => n=-1

# roman numerals for centuries ("XIXe siècle")
@ROMAN
xvie | xvie => century=16
xviie => century=17
xviiie => century=18
xixe | xix e => century=19
xxe | xx e => century=20
xxie | xxi e => century=21

@UNIT
an | ans | année | années => unit=Y
mois => unit=M
semaine | semaines => unit=W
jour | jours | journée | journées => unit=D
heure | heures | hr | hrs => unit=H
minute | minutes | min | mins => unit=MIN
seconde | secondes | sec => unit=S
décennie | décennies => unit=DE
siècle | siècles => unit=CE
trimestre | trimestres => unit=Q
week-end | week-ends | weekend | weekends => unit=WE

@UNIT_SG
an | année => unit=Y
mois => unit=M
semaine => unit=W
jour | journée => unit=D
décennie => unit=DE
siècle => unit=CE
trimestre => unit=Q
week-end | weekend => unit=WE

# clock units in the singular ("la dernière minute")
@UNIT_CLOCK_SG
heure => unit=H
minute => unit=MIN
seconde => unit=S

@UNIT_PL
ans | années => unit=Y
mois => unit=M
semaines => unit=W
jours | journées => unit=D
heures => unit=H
minutes | mins => unit=MIN
secondes | secs => unit=S
décennies => unit=DE
siècles => unit=CE

# single relative day words
@REL_DAY
aujourd'hui | aujourd hui => shift=0 unit=D
hier => shift=-1 unit=D
avant-hier | avant hier => shift=-2 unit=D
demain => shift=1 unit=D
après-demain | après demain => shift=2 unit=D

@ANAPHORIC_DAY
lendemain => shift=1 unit=D anchor=last
surlendemain => shift=2 unit=D anchor=last
veille => shift=-1 unit=D anchor=last
avant-veille => shift=-2 unit=D anchor=last

@POD
matin | matinée | mat => pod=MO
midi => pod=MI
après-midi | apres-midi | aprem | après midi => pod=AF
soir | soirée => pod=EV
nuit => pod=NI

# meals, read as the part of the day they fall in
@MEAL
déjeuner => pod=MI

@MOD_POS
début | debut | commencement => mod=START
mi | mi- => mod=MID
milieu => mod=MID
fin => mod=END

# early / late in a part of the day ("tôt le matin", "le soir très tard")
@EDGE weak
tôt | très tôt | de bonne heure => mod=START
tard | très tard => mod=END

# halves of a month ("la première quinzaine d'avril"): TIMEX3 says the month's START / END
@HALF_MONTH
première quinzaine | 1re quinzaine | 1ère quinzaine => mod=START
deuxième quinzaine | seconde quinzaine | dernière quinzaine | 2e quinzaine | 2ème quinzaine => mod=END

@APPROX weak
environ | vers | aux alentours de | autour de | à peu près | près de => mod=APPROX

@MORE weak
plus de | plus d' | au moins | plus d | au-delà de => mod=MORE_THAN

@LESS weak
# ("près de", "presque", "pas loin de": nearly, short of the amount)
moins de | moins d' | moins d | à peine | pas plus de | près de | près d' | presque | pas loin de | pas loin d' => mod=LESS_THAN

@PAST_ADJ weak
dernier | dernière | derniers | dernières | passé | passée | passés | passées | écoulé | écoulée | écoulés | écoulées | précédent | précédente | précédents | précédentes | d'avant => dir=past

@NEXT_ADJ weak
prochain | prochaine | prochains | prochaines | suivant | suivante | suivants | suivantes | à venir | d'après | qui suit | qui vient => dir=future

@THIS weak
ce | cet | cette => dir=this

@DIR_ADJ weak
dernier | dernière | passé | passée => dir=past
prochain | prochaine | prochains | prochaines => dir=future

@COUNT_NOUN weak
euros | euro | dollars | personnes | habitants | mètres | km | kilomètres | tonnes | salariés | morts | blessés | victimes | % | pour | exemplaires | francs | livres | voix | points | habitants | ha | hectares | places | emplois | postes | élèves | soldats | hommes | femmes | enfants | cas

@DET weak
le | la | l' | les

# plural articles before a count ("les 3 prochaines semaines", "des dix derniers mois"):
# Recognizers-style spans start at the number
@COUNT_DET weak
les | des

@VAGUE_PAST
autrefois | jadis | récemment | naguère | dernièrement | antan | auparavant | par le passé => ref=PAST_REF
@VAGUE_FUTURE
prochainement | bientôt | dorénavant | sous peu | dès que possible | dqp | le plus tôt possible | le plus vite possible | au plus vite => ref=FUTURE_REF
@VAGUE_PRESENT
actuellement | maintenant | tout de suite | pour l'instant | pour le moment | en ce moment | à l'heure actuelle | de nos jours | à présent | désormais | actuel | actuelle | actuels | actuelles => ref=PRESENT_REF
@VAGUE_FUTURE_NOUN
l'avenir | avenir | le futur => ref=FUTURE_REF

# fixed-date and movable holidays (month/day, or days after Easter)
@HOLIDAY
jour de l'an | nouvel an | premier de l'an | yuandan => month=1 day=1
# Chinese lunar calendar (see en.lex)
nouvel an chinois | nouvel an lunaire => month=1 day=1 cal=CN
saint-valentin | saint valentin => month=2 day=14
fête du travail | fête des travailleurs => month=5 day=1
# holidays on the n-th weekday of a month (ordinal -1 = the last); "fête des mères" is the
# French one (last Sunday of May, moved for Pentecost in some years)
thanksgiving | thanks giving | action de grâce | action de grâces => month=11 weekday=4 ordinal=4 sub=WD
fête des mères => month=5 weekday=7 ordinal=-1 sub=WD
fête des pères | fête de père | fête du père => month=6 weekday=7 ordinal=3 sub=WD
fête de la victoire | victoire de 1945 => month=5 day=8
fête nationale | quatorze juillet | 14-juillet => month=7 day=14
fête de la musique => month=6 day=21
assomption => month=8 day=15
jour de la libération => month=8 day=15
toussaint => month=11 day=1
jour des morts => month=11 day=2
armistice => month=11 day=11
noël | noel => month=12 day=25
réveillon de noël | reveillon de noel | veille de noël => month=12 day=24
réveillon du nouvel an | réveillon de nouvel an | réveillon de la nouvelle année | saint-sylvestre | saint sylvestre | réveillon de la saint-sylvestre => month=12 day=31
halloween => month=10 day=31
pâques | paques => easter=0
lundi de pâques => easter=1
vendredi saint => easter=-2
ascension => easter=39
pentecôte | pentecote => easter=49
lundi de pentecôte => easter=50
mardi gras => easter=-47

# tense markers (auxiliaries, past/future forms); the majority in a sentence sets its tense
# (`exact` entries are written token by token: "s ' est" for "s'est")
@PAST_MARK exact
a | ont | avait | avaient | eu | été | était | étaient | fut | furent | hier | dernier | dernière | sont | avons | avez | as | ai | auparavant | passé | passée | déjà | s ' est | s ' était | se sont | s ' étaient
@FUTURE_MARK exact
va | vont | sera | seront | aura | auront | devrait | devraient | doit | doivent | prochain | prochaine | prochains | prochaines | demain | pourrait | pourront | allons | vais | ira | iront | fera | feront | prévu | prévue | prévoit | reviendrai | partirai | serai | serais | aurai
# frequent verbs of news in the simple future (3rd person)
viendra | viendront | tiendra | tiendront | arrivera | arriveront | débutera | débuteront | commencera | commenceront | ouvrira | ouvriront | fermera | fermeront | rendra | rendront | recevra | recevront | présentera | présenteront | annoncera | annonceront | participera | participeront | jouera | joueront | affrontera | affronteront | rencontrera | rencontreront | sortira | sortiront | partira | partiront | reviendra | reviendront | devra | devront | pourra | faudra | aura lieu | auront lieu | se tiendra | se déroulera | se dérouleront | accueillera | accueilleront | lancera | lanceront | entrera | entreront | prendra | prendront | dévoilera | publiera | votera | voteront | examinera | examineront | recevra | restera | resteront | passera | passeront | durera | dureront

@SET_ADJ
quotidien | quotidienne | journalier | journalière | quotidiennement | journellement => unit=D
annuellement => unit=Y
mensuellement => unit=M
hebdomadairement => unit=W
hebdomadaire | hebdomadaires => unit=W
mensuel | mensuelle | mensuels | mensuelles => unit=M
annuel | annuelle | annuels | annuelles => unit=Y

@TIME_WORD
midi => hour=12
minuit => hour=0

# minutes after a clock time in words ("midi quinze", "quinze heures trente")
@MINUTE_WORD weak
cinq => minute=5
dix => minute=10
quart => minute=15
quinze => minute=15
vingt => minute=20
vingt-cinq | vingt cinq => minute=25
trente | demie | demi => minute=30
quarante => minute=40
quarante-cinq | quarante cinq | trois quarts | trois-quarts => minute=45
cinquante => minute=50
cinquante-cinq | cinquante cinq => minute=55
trois => minute=3

# minutes of a clock time said as bare number words after the hour ("huit quarante",
# "dix-neuf trente"); not weak so that such a time, made only of numerals, can start a match;
# the rule using it is for scheduling-style inputs only
@CLOCK_MINUTE
dix => minute=10
quinze => minute=15
vingt => minute=20
vingt-cinq | vingt cinq => minute=25
trente => minute=30
trente-cinq | trente cinq => minute=35
quarante => minute=40
quarante-cinq | quarante cinq => minute=45
cinquante => minute=50
cinquante-cinq | cinquante cinq => minute=55

# not weak: "huit et quart" has no other strong word
@QUARTER_WORD
quart => minute=15
demie | demi => minute=30

@HOUR_WORD weak
heure | heures | h

@FEW weak
quelques | plusieurs | plusieur | de nombreux | de nombreuses | des

# "quelques" (scheduling inputs count it as three), also split or unaccented as typed in requests
@SOME weak
quelques | quelque | quel ques

@TIMEPOD weak
du matin | du mat => pod=MO
am | a.m. | a.m | a m | a. m. | a. m => pod=MO
pm | p.m. | p.m | p m | p. m. | p. m => pm=1
de matin | de matinée | du matinée | de la matinée | dans le matin | dans la matinée => pod=MO
de soir | du soirée | de soirée | de la soirée | dans la soirée | dans le soirée | dans le soir => pm=1
dans l'après-midi | de l'après-midi | l'après-midi | après-midi | dans l'après midi | après midi => pm=1
dans la nuit | de nuit => pod=NI
de l'après-midi | de l'apres-midi => pm=1
du soir => pm=1
de la nuit => pod=NI

# words between a date and a time of day that make one expression ("le 2 mars à 5h",
# "lundi dans l'après-midi"); the engine merges a date match and a time match joined by these
@JOIN weak
à | a | vers | , | le | la | l' | dans | dans la | dans l' | en | au | du | de | aux alentours de | autour de | à environ | - | pour | dès | dès la | dès le | sur | sur la | sur le | entre
# a hedge between a day and its time ("le 16 plutôt vers 18h", "jeudi mais entre 9h30 et 11h")
mais | plutôt | par exemple | disons
# a bound inside the expression: "demain avant 17h" is before 17:00 tomorrow
avant => mod=BEFORE

# prepositions that scheduling-style inputs (Duckling, Recognizers) keep inside the span;
# TimeML spans leave them out. Entries may set a mod ("à partir du 8" → ON_OR_AFTER).
@LEAD weak
à | a | vers | en | au | pour | dès | pendant | durant | d'ici | le | dans | du | de | d' | entre | et | jusqu'au | jusqu'à | jusqu'a | jusqu au | jusqu' | jusqu
à partir de | à partir du | à partir d' | dès le | depuis => mod=ON_OR_AFTER
après | plus tard que => mod=AFTER
avant | n'importe quand avant => mod=BEFORE

# words that open the end of a range ("demain jusqu'à 16h"): the time after them is a TIMEX3
# of its own, never merged with the date before
@UNTIL weak
jusqu' | jusqu | jusqu'à | jusqu'a | jusqu'au | jusqu au

# range connectors: scheduling inputs written in the Recognizers-Text style make one span of
# "de 4pm à 5pm", "entre 3 et 12 septembre"
@RANGE_JOIN weak
à | a | au | jusqu'à | jusqu'a | jusqu'au | jusqu au | - | et
# (an open interval's preposition, "depuis", carries its mod: Recognizers-style spans leave it
# out of a closed range, "depuis le 2 au 22 octobre" → "2 au 22 octobre")
# coordinators among the range connectors: a range only after a @RANGE_OPEN word ("between
# 3 and 5"); elsewhere they list ("in 2007 and 2009")
@RANGE_AND weak
@RANGE_OPEN weak
de | du | entre
depuis => mod=ON_OR_AFTER

# years in words: a century part (@YEAR_HI: "dix-neuf", "mille neuf cent", "deux mille"), then the
# year in the century (@YEAR_LO: "soixante-douze", "vingt"), read as yearword × 100 + yy by the
# rules ("dix-neuf soixante-douze" 1972, "mille quatre cent vingt" 1420, "deux mille cinq" 2005)
# (@YEAR_LO also serves as the numerals 1–99 in words: "quarante-quatre ans")
@YEAR_HI weak
onze | onze cent | onze cents | mille cent => n=11
douze | douze cent | douze cents | mille deux cent | mille deux cents => n=12
treize | treize cent | treize cents | mille trois cent | mille trois cents => n=13
quatorze | quatorze cent | quatorze cents | mille quatre cent | mille quatre cents => n=14
quinze | quinze cent | quinze cents | mille cinq cent | mille cinq cents => n=15
seize | seize cent | seize cents | mille six cent | mille six cents => n=16
dix-sept | dix-sept cent | dix-sept cents | dix sept | dix sept cent | dix sept cents | mille sept cent | mille sept cents => n=17
dix-huit | dix-huit cent | dix-huit cents | dix huit | dix huit cent | dix huit cents | mille huit cent | mille huit cents => n=18
dix-neuf | dix-neuf cent | dix-neuf cents | dix neuf | dix neuf cent | dix neuf cents | mille neuf cent | mille neuf cents => n=19
deux mille => n=20

@YEAR_LO weak
un => n=1
deux => n=2
trois => n=3
quatre => n=4
cinq => n=5
six => n=6
sept => n=7
huit => n=8
neuf => n=9
dix => n=10
onze => n=11
douze => n=12
treize => n=13
quatorze => n=14
quinze => n=15
seize => n=16
dix-sept | dix sept => n=17
dix-huit | dix huit => n=18
dix-neuf | dix neuf => n=19
vingt => n=20
vingt-et-un | vingt et un => n=21
vingt-deux | vingt deux => n=22
vingt-trois | vingt trois => n=23
vingt-quatre | vingt quatre => n=24
vingt-cinq | vingt cinq => n=25
vingt-six | vingt six => n=26
vingt-sept | vingt sept => n=27
vingt-huit | vingt huit => n=28
vingt-neuf | vingt neuf => n=29
trente => n=30
trente-et-un | trente et un => n=31
trente-deux | trente deux => n=32
trente-trois | trente trois => n=33
trente-quatre | trente quatre => n=34
trente-cinq | trente cinq => n=35
trente-six | trente six => n=36
trente-sept | trente sept => n=37
trente-huit | trente huit => n=38
trente-neuf | trente neuf => n=39
quarante => n=40
quarante-et-un | quarante et un => n=41
quarante-deux | quarante deux => n=42
quarante-trois | quarante trois => n=43
quarante-quatre | quarante quatre => n=44
quarante-cinq | quarante cinq => n=45
quarante-six | quarante six => n=46
quarante-sept | quarante sept => n=47
quarante-huit | quarante huit => n=48
quarante-neuf | quarante neuf => n=49
cinquante => n=50
cinquante-et-un | cinquante et un => n=51
cinquante-deux | cinquante deux => n=52
cinquante-trois | cinquante trois => n=53
cinquante-quatre | cinquante quatre => n=54
cinquante-cinq | cinquante cinq => n=55
cinquante-six | cinquante six => n=56
cinquante-sept | cinquante sept => n=57
cinquante-huit | cinquante huit => n=58
cinquante-neuf | cinquante neuf => n=59
soixante => n=60
soixante-et-un | soixante et un => n=61
soixante-deux | soixante deux => n=62
soixante-trois | soixante trois => n=63
soixante-quatre | soixante quatre => n=64
soixante-cinq | soixante cinq => n=65
soixante-six | soixante six => n=66
soixante-sept | soixante sept => n=67
soixante-huit | soixante huit => n=68
soixante-neuf | soixante neuf => n=69
soixante-dix | soixante dix => n=70
soixante-et-onze | soixante et onze => n=71
soixante-douze | soixante douze => n=72
soixante-treize | soixante treize => n=73
soixante-quatorze | soixante quatorze => n=74
soixante-quinze | soixante quinze => n=75
soixante-seize | soixante seize => n=76
soixante-dix-sept | soixante dix sept => n=77
soixante-dix-huit | soixante dix huit => n=78
soixante-dix-neuf | soixante dix neuf => n=79
quatre-vingts | quatre vingts | quatre-vingt | quatre vingt => n=80
quatre-vingt-un | quatre vingt un => n=81
quatre-vingt-deux | quatre vingt deux => n=82
quatre-vingt-trois | quatre vingt trois => n=83
quatre-vingt-quatre | quatre vingt quatre => n=84
quatre-vingt-cinq | quatre vingt cinq => n=85
quatre-vingt-six | quatre vingt six => n=86
quatre-vingt-sept | quatre vingt sept => n=87
quatre-vingt-huit | quatre vingt huit => n=88
quatre-vingt-neuf | quatre vingt neuf => n=89
quatre-vingt-dix | quatre vingt dix => n=90
quatre-vingt-onze | quatre vingt onze => n=91
quatre-vingt-douze | quatre vingt douze => n=92
quatre-vingt-treize | quatre vingt treize => n=93
quatre-vingt-quatorze | quatre vingt quatorze => n=94
quatre-vingt-quinze | quatre vingt quinze => n=95
quatre-vingt-seize | quatre vingt seize => n=96
quatre-vingt-dix-sept | quatre vingt dix sept => n=97
quatre-vingt-dix-huit | quatre vingt dix huit => n=98
quatre-vingt-dix-neuf | quatre vingt dix neuf => n=99

# weekday abbreviations that are no French word ("mar", not "mer" the sea or "jeu" the game):
# alone at the end of a request they name the day
@WEEKDAY_SHORT
lun => weekday=1
mar => weekday=2
ven => weekday=5
sam => weekday=6
dim => weekday=7

# nouns counted by an ordinal in news ("le 1er régiment", "au 1er tour"): no month after "1er"
@ORD_NOUN
régiment | régiments | bataillon | division | brigade | escadron | corps | armée | compagnie
arrondissement | arrondissements | district | circonscription | secteur | étage | rang | place
tour | round | set | manche | mi-temps | but | essai | acte | épisode | chapitre | article | alinéa
volume | tome | édition | album | film | titre | prix | degré | ministre | adjoint | vice-président
secrétaire | enfant | fils | fille | groupe | pays | club | cercle | classe | niveau | mandat

# a half year ("par semestre"); its own class so that it anchors matching
@SEMESTER
semestre

# time zones after a clock time ("à seize heures CET"); `tz` is the UTC offset in minutes
@TZ weak
gmt | utc | temps universel => tz=0
heure française => tz=60
heure d'été de paris => tz=120

# zone abbreviations that are also French words ("cet" the demonstrative): only where they end
# the clause ("à seize heures CET", not "à 3 heures cet après-midi")
@TZ_WORD weak
cet => tz=60
cest => tz=120

# approximate counts ("une dizaine de jours": about ten days)
@APPROX_NUM
huitaine => n=8
dizaine => n=10
douzaine => n=12
quinzaine => n=15
vingtaine => n=20
trentaine => n=30
quarantaine => n=40
cinquantaine => n=50
soixantaine => n=60
centaine => n=100

# --- time-zones ---
# Time zones named on their own (the zone layer, crates/dyade-time/src/zones.rs; format of its
# classes in the time-zones section of en.lex) and after a clock time (fr.rules `@TZ`,
# `@TZ_PREFIX @TZ_PLACE`). `tz` is the UTC offset in minutes, standard (winter) time.
@TZ weak
temps universel coordonné => tz=0
heure normale d'europe centrale | heure d'europe centrale => tz=60
heure normale d'europe de l'est | heure d'europe de l'est => tz=120
heure d'été d'europe centrale => tz=120
heure de l'est => tz=-300
heure du pacifique => tz=-480

# zones an offset in hours may follow ("UTC+2", "GMT-3")
@TZ_SIGNED weak
utc | gmt
@TZ_HOUR_MARK weak
h

# words closing a clock time, before its zone ("à seize heures CET", "16h GMT")
@TZ_CLOCK_END weak
heures | heure | h

# prepositions that put an ambiguous zone word in zone position
@TZ_LEAD weak
à | en

# the words before a place that make it a zone ("heure de Pékin", "heure d'Alger", "heure du
# Caire", "heure des Antilles")
@TZ_PREFIX weak
heure de | heure d' | heure du | heure des | heure locale de | heure locale d' | heure locale du | fuseau horaire de | fuseau horaire d' | fuseau horaire du

# cities, countries and regions with their standard offset (none for a country spanning
# several zones: "heure des États-Unis")
@TZ_PLACE weak
états-unis | etats-unis | russie | canada | australie | brésil | bresil | indonésie | mexique
greenwich | londres | royaume-uni | angleterre | écosse | irlande | dublin | lisbonne | portugal | islande | reykjavik | dakar | sénégal | abidjan | côte d'ivoire | accra | ghana | bamako | mali | conakry | guinée | ouagadougou | burkina faso | lomé | togo | nouakchott | mauritanie | îles canaries | canaries => tz=0
paris | france | berlin | allemagne | madrid | espagne | rome | italie | bruxelles | belgique | amsterdam | pays-bas | luxembourg | genève | berne | zurich | suisse | vienne | autriche | varsovie | pologne | prague | budapest | hongrie | stockholm | suède | oslo | norvège | copenhague | danemark | belgrade | serbie | zagreb | croatie | monaco | andorre | malte | alger | algérie | tunis | tunisie | rabat | casablanca | maroc | lagos | nigeria | niamey | niger | n'djamena | tchad | yaoundé | douala | cameroun | libreville | gabon | brazzaville | kinshasa | bangui | cotonou | porto-novo | bénin => tz=60
athènes | grèce | helsinki | finlande | kiev | kyiv | ukraine | bucarest | roumanie | sofia | bulgarie | le caire | caire | égypte | jérusalem | tel aviv | israël | beyrouth | liban | chypre | johannesburg | le cap | pretoria | afrique du sud | lubumbashi | kigali | rwanda | bujumbura | burundi | tripoli | libye | khartoum | soudan | maputo | mozambique | harare => tz=120
moscou | saint-pétersbourg | minsk | biélorussie | istanbul | ankara | turquie | riyad | arabie saoudite | doha | qatar | koweït | bagdad | irak | amman | jordanie | damas | syrie | nairobi | kenya | addis-abeba | éthiopie | djibouti | mogadiscio | somalie | antananarivo | tananarive | madagascar | comores | mayotte => tz=180
téhéran | iran => tz=210
dubaï | abou dabi | abu dhabi | émirats arabes unis | mascate | oman | bakou | azerbaïdjan | tbilissi | géorgie | erevan | arménie | maurice | île maurice | seychelles => tz=240
kaboul | afghanistan => tz=270
karachi | islamabad | pakistan | tachkent | ouzbékistan | kazakhstan | maldives => tz=300
new delhi | delhi | bombay | mumbai | calcutta | inde => tz=330
katmandou | népal => tz=345
dacca | dhaka | bangladesh => tz=360
bangkok | thaïlande | hanoï | hô chi minh-ville | saïgon | vietnam | viêt nam | phnom penh | cambodge | vientiane | laos | jakarta => tz=420
pékin | beijing | shanghai | chine | hong kong | macao | taipei | taïwan | singapour | kuala lumpur | malaisie | manille | philippines | perth => tz=480
tokyo | japon | séoul | corée du sud | corée | pyongyang | corée du nord => tz=540
adélaïde | darwin => tz=570
sydney | melbourne | brisbane | canberra | guam => tz=600
nouméa | nouvelle-calédonie => tz=660
auckland | wellington | nouvelle-zélande | fidji | wallis-et-futuna => tz=720
papeete | tahiti | polynésie française | hawaï | honolulu => tz=-600
los angeles | san francisco | seattle | vancouver | californie => tz=-480
denver => tz=-420
chicago | mexico | houston | dallas | guatemala | costa rica => tz=-360
new york | washington | boston | miami | atlanta | montréal | québec | toronto | ottawa | la havane | cuba | haïti | port-au-prince | panama | bogotá | colombie | lima | pérou | quito | équateur => tz=-300
caracas | venezuela | santiago | chili | la paz | bolivie | pointe-à-pitre | guadeloupe | antilles | fort-de-france | martinique | saint-barthélemy | saint-martin | porto rico => tz=-240
saint-pierre-et-miquelon => tz=-180
buenos aires | argentine | são paulo | rio de janeiro | rio | brasília | montevideo | uruguay | cayenne | kourou | guyane => tz=-180

# places that are also common words: zones only when capitalized ("heure de La Réunion", not
# "l'heure de la réunion", the meeting)
@TZ_PLACE_CAP weak
la réunion | réunion => tz=240
cap => tz=120

# --- time-modes ---
# the hour word that also tells the time of day: "9 heures" next to a date is a clock time
# ("le 2 mars, 9 heures"; English "1 hour on Tuesday" stays a length)
@CLOCK_UNIT weak
heure | heures | h

# --- time-duck ---
# recurrences named by their period in one adjective ("un rapport trimestriel", "une revue
# bimestrielle"); "bihebdomadaire" (twice a week, or every two weeks in loose use) is left out
@SET_ADJ
trimestriel | trimestrielle | trimestriels | trimestrielles | trimestriellement => unit=Q
bimestriel | bimestrielle | bimestriels | bimestrielles => unit=M n=2
semestriel | semestrielle | semestriels | semestrielles | semestriellement => unit=M n=6
bisannuel | bisannuelle | bisannuels | bisannuelles | biennal | biennaux => unit=Y n=2
# the present stretch of days ("ces jours-ci", "ces temps-ci")
@VAGUE_PRESENT
ces jours-ci | ces jours - ci | ces temps-ci | ces temps - ci => ref=PRESENT_REF
