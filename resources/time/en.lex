# dyade-time lexicon, English. Format: see the header of fr.lex (same format for every language).

@MONTH
january | jan | jan. => month=1
february | feb | feb. => month=2
march | mar. => month=3
april | apr | apr. => month=4
may => month=5
june | jun | jun. => month=6
july | jul | jul. => month=7
august | aug | aug. => month=8
september | sep | sep. | sept | sept. => month=9
october | oct | oct. => month=10
november | nov | nov. => month=11
december | dec | dec. => month=12

@WEEKDAY
monday | mon => weekday=1
tuesday | tue | tues => weekday=2
wednesday | wed => weekday=3
thursday | thu | thur | thurs => weekday=4
friday | fri => weekday=5
saturday | sat => weekday=6
sunday | sun => weekday=7

# abbreviations alone ("thu", "fri.") name a day only in scheduling-style inputs
@WEEKDAY_ABBR
mon | mon. => weekday=1
tue | tue. | tues | tues. => weekday=2
wed | wed. => weekday=3
thu | thu. | thur | thur. | thurs | thurs. => weekday=4
fri | fri. => weekday=5
sat | sat. => weekday=6
sun | sun. => weekday=7

@WEEKDAY_FULL
monday => weekday=1
tuesday => weekday=2
wednesday => weekday=3
thursday => weekday=4
friday => weekday=5
saturday => weekday=6
sunday => weekday=7

@WEEKDAYS
mondays => weekday=1
tuesdays => weekday=2
wednesdays => weekday=3
thursdays => weekday=4
fridays => weekday=5
saturdays => weekday=6
sundays => weekday=7

@SEASON
spring => season=SP
summer => season=SU
autumn | fall => season=FA
winter => season=WI

@NUM weak
one | a | an => n=1
two | a couple of | a couple | couple of | couple | a pair of => n=2
three => n=3
four => n=4
five => n=5
six => n=6
seven => n=7
eight => n=8
nine => n=9
ten => n=10
eleven => n=11
twelve => n=12
thirteen => n=13
fourteen => n=14
fifteen => n=15
sixteen => n=16
seventeen => n=17
eighteen => n=18
nineteen => n=19
twenty => n=20
twenty-one | twenty one => n=21
twenty-two | twenty two => n=22
twenty-three | twenty three => n=23
twenty-four | twenty four => n=24
twenty-five | twenty five => n=25
twenty-six | twenty six => n=26
twenty-seven | twenty seven => n=27
twenty-eight | twenty eight => n=28
twenty-nine | twenty nine => n=29
thirty => n=30
thirty-one | thirty one => n=31
thirty-five | thirty five => n=35
forty => n=40
forty-five | forty five => n=45
fifty => n=50
fifty-five | fifty five => n=55
sixty => n=60
hundred => n=100

# years in words: a century part (@YEAR_HI: "nineteen", "nineteen hundred", "two thousand
# and") then the year in the century (@YEAR_LO: "seventy eight", "oh five", "eighteen"), read
# as yearword × 100 + yy by the rules ("nineteen seventy eight", "two thousand and eighteen");
# @YEAR_ROUND: a round year alone ("two thousand", "nineteen hundred")
@YEAR_HI
eleven | eleven hundred | eleven hundred and => n=11
twelve | twelve hundred | twelve hundred and => n=12
thirteen | thirteen hundred | thirteen hundred and => n=13
fourteen | fourteen hundred | fourteen hundred and => n=14
fifteen | fifteen hundred | fifteen hundred and => n=15
sixteen | sixteen hundred | sixteen hundred and => n=16
seventeen | seventeen hundred | seventeen hundred and => n=17
eighteen | eighteen hundred | eighteen hundred and => n=18
nineteen | nineteen hundred | nineteen hundred and => n=19
twenty => n=20
two thousand | two thousand and => n=20
one thousand | one thousand and => n=10
one thousand one hundred | one thousand one hundred and => n=11
one thousand two hundred | one thousand two hundred and => n=12
one thousand three hundred | one thousand three hundred and => n=13
one thousand four hundred | one thousand four hundred and => n=14
one thousand five hundred | one thousand five hundred and => n=15
one thousand six hundred | one thousand six hundred and => n=16
one thousand seven hundred | one thousand seven hundred and => n=17
one thousand eight hundred | one thousand eight hundred and => n=18
one thousand nine hundred | one thousand nine hundred and => n=19

@YEAR_LO weak
ten => n=10
eleven => n=11
twelve => n=12
thirteen => n=13
fourteen => n=14
fifteen => n=15
sixteen => n=16
seventeen => n=17
eighteen => n=18
nineteen => n=19
twenty => n=20
twenty one | twenty-one => n=21
twenty two | twenty-two => n=22
twenty three | twenty-three => n=23
twenty four | twenty-four => n=24
twenty five | twenty-five => n=25
twenty six | twenty-six => n=26
twenty seven | twenty-seven => n=27
twenty eight | twenty-eight => n=28
twenty nine | twenty-nine => n=29
thirty => n=30
thirty one | thirty-one => n=31
thirty two | thirty-two => n=32
thirty three | thirty-three => n=33
thirty four | thirty-four => n=34
thirty five | thirty-five => n=35
thirty six | thirty-six => n=36
thirty seven | thirty-seven => n=37
thirty eight | thirty-eight => n=38
thirty nine | thirty-nine => n=39
forty => n=40
forty one | forty-one => n=41
forty two | forty-two => n=42
forty three | forty-three => n=43
forty four | forty-four => n=44
forty five | forty-five => n=45
forty six | forty-six => n=46
forty seven | forty-seven => n=47
forty eight | forty-eight => n=48
forty nine | forty-nine => n=49
fifty => n=50
fifty one | fifty-one => n=51
fifty two | fifty-two => n=52
fifty three | fifty-three => n=53
fifty four | fifty-four => n=54
fifty five | fifty-five => n=55
fifty six | fifty-six => n=56
fifty seven | fifty-seven => n=57
fifty eight | fifty-eight => n=58
fifty nine | fifty-nine => n=59
sixty => n=60
sixty one | sixty-one => n=61
sixty two | sixty-two => n=62
sixty three | sixty-three => n=63
sixty four | sixty-four => n=64
sixty five | sixty-five => n=65
sixty six | sixty-six => n=66
sixty seven | sixty-seven => n=67
sixty eight | sixty-eight => n=68
sixty nine | sixty-nine => n=69
seventy => n=70
seventy one | seventy-one => n=71
seventy two | seventy-two => n=72
seventy three | seventy-three => n=73
seventy four | seventy-four => n=74
seventy five | seventy-five => n=75
seventy six | seventy-six => n=76
seventy seven | seventy-seven => n=77
seventy eight | seventy-eight => n=78
seventy nine | seventy-nine => n=79
eighty => n=80
eighty one | eighty-one => n=81
eighty two | eighty-two => n=82
eighty three | eighty-three => n=83
eighty four | eighty-four => n=84
eighty five | eighty-five => n=85
eighty six | eighty-six => n=86
eighty seven | eighty-seven => n=87
eighty eight | eighty-eight => n=88
eighty nine | eighty-nine => n=89
ninety => n=90
ninety one | ninety-one => n=91
ninety two | ninety-two => n=92
ninety three | ninety-three => n=93
ninety four | ninety-four => n=94
ninety five | ninety-five => n=95
ninety six | ninety-six => n=96
ninety seven | ninety-seven => n=97
ninety eight | ninety-eight => n=98
ninety nine | ninety-nine => n=99
oh one | zero one | o one => n=1
oh two | zero two | o two => n=2
oh three | zero three | o three => n=3
oh four | zero four | o four => n=4
oh five | zero five | o five => n=5
oh six | zero six | o six => n=6
oh seven | zero seven | o seven => n=7
oh eight | zero eight | o eight => n=8
oh nine | zero nine | o nine => n=9

# the last digit of a round year ("two thousand and five", "nineteen hundred and one")
@YEAR_UNIT weak
one => n=1
two => n=2
three => n=3
four => n=4
five => n=5
six => n=6
seven => n=7
eight => n=8
nine => n=9

@YEAR_ROUND
eleven hundred => n=11
twelve hundred => n=12
thirteen hundred => n=13
fourteen hundred => n=14
fifteen hundred => n=15
sixteen hundred => n=16
seventeen hundred => n=17
eighteen hundred => n=18
nineteen hundred => n=19
two thousand => n=20
one thousand => n=10

@DAYWORD
first | 1st => day=1
second | 2nd => day=2
third | 3rd => day=3
fourth => day=4
fifth => day=5
sixth => day=6
seventh => day=7
eighth => day=8
ninth => day=9
tenth => day=10
eleventh => day=11
twelfth => day=12
thirteenth => day=13
fourteenth => day=14
fifteenth => day=15
sixteenth => day=16
seventeenth => day=17
eighteenth => day=18
nineteenth => day=19
twenty-first | twenty first => day=21
twenty-second | twenty second => day=22
twenty-third | twenty third => day=23
twenty-fourth | twenty fourth => day=24
twenty-fifth | twenty fifth => day=25
twenty-sixth | twenty sixth => day=26
twenty-seventh | twenty seventh => day=27
twenty-eighth | twenty eighth => day=28
twenty-ninth | twenty ninth => day=29
thirtieth => day=30
thirty-first | thirty first => day=31
twentieth => day=20

@ORDINAL weak
first | 1st => n=1
second | 2nd => n=2
third | 3rd => n=3
fourth | 4th => n=4
fifth | 5th => n=5
last => n=-1

@ORD_SUFFIX weak
st | nd | rd | th

@UNIT
year | years | yr | yrs => unit=Y
month | months => unit=M
week | weeks => unit=W
fortnight | fortnights => unit=W mult=2
day | days => unit=D
hour | hours | hr | hrs | h => unit=H
minute | minutes | min | mins => unit=MIN
second | seconds | sec | secs => unit=S
decade | decades => unit=DE
century | centuries => unit=CE
quarter | quarters | qtr | qtrs => unit=Q
weekend | weekends | week-end => unit=WE
# days counted without weekends
business day | business days | working day | working days | workday | workdays => unit=BD

@UNIT_SG
year => unit=Y
yr => unit=Y
month => unit=M
week => unit=W
day => unit=D
decade => unit=DE
century => unit=CE
quarter | qtr => unit=Q
weekend | week-end => unit=WE
# the working week (Monday to Friday) is told as its week
workweek | work week | working week | business week => unit=W

@UNIT_PL
years => unit=Y
months => unit=M
weeks => unit=W
days => unit=D
hours => unit=H
minutes => unit=MIN
decades => unit=DE
centuries => unit=CE

@REL_DAY
today => shift=0 unit=D
yesterday => shift=-1 unit=D
tomorrow | tmrw | tmr | tomorrows => shift=1 unit=D
the day before yesterday => shift=-2 unit=D
the day after tomorrow | the day after tmrw | the day after tmr => shift=2 unit=D
day before yesterday => shift=-2 unit=D
day after tomorrow | day after tmrw | day after tmr => shift=2 unit=D
tonight | tonite => shift=0 unit=D pod=NI
# "otd": "on this day" (social-media shorthand)
otd => shift=0 unit=D
# "till current date", "the current day"
current date | current day | present date => shift=0 unit=D

@ANAPHORIC_DAY
the next day | the following day | the day after => shift=1 unit=D anchor=last
the day before | the previous day | the eve => shift=-1 unit=D anchor=last

@POD
morning => pod=MO
morningish => pod=MO mod=APPROX
afternoonish => pod=AF mod=APPROX
eveningish => pod=EV mod=APPROX
noon => pod=MI
afternoon => pod=AF
evening => pod=EV
night | night-time | nighttime => pod=NI
daytime | day-time => pod=DT
# lunch time (Recognizers-Text's meal time TMEL, 11:00–13:00)
lunchtime | lunch-time | lunch time => pod=MEL

# parts of the day in the plural: recurring ("Friday mornings", "in the evenings")
@POD_PL
mornings => pod=MO
afternoons => pod=AF
evenings => pod=EV
nights => pod=NI

# decades in words ("the seventies", "the nineteen seventies", "the noughties"), as the
# decade slot of "the 70s" / "the 1970s"
@DECADE_WORD
twenties => decade=20
thirties => decade=30
forties => decade=40
fifties => decade=50
sixties => decade=60
seventies => decade=70
eighties => decade=80
nineties => decade=90
nineteen twenties | nineteen-twenties => decade=1920
nineteen thirties | nineteen-thirties => decade=1930
nineteen forties | nineteen-forties => decade=1940
nineteen fifties | nineteen-fifties => decade=1950
nineteen sixties | nineteen-sixties => decade=1960
nineteen seventies | nineteen-seventies => decade=1970
nineteen eighties | nineteen-eighties => decade=1980
nineteen nineties | nineteen-nineties => decade=1990
two thousands | noughties | the noughts => decade=2000
twenty tens | twenty-tens | two thousand and tens | two thousand tens => decade=2010

@MOD_POS
# (Recognizers-Text leaves the article out: "at the end of 2000" → "end of 2000")
early | beginning of | start of => mod=START
mid | mid- | middle of => mod=MID
late | end of => mod=END

@APPROX weak
about | around | approximately | roughly | some | nearly | almost => mod=APPROX
circa | ca. => mod=APPROX

@MORE weak
# (not "over": "over 3 years" mostly means during them, "loan $10000 over 3 years")
more than | at least => mod=MORE_THAN

@LESS weak
less than | under | fewer than | at most => mod=LESS_THAN

@PAST_ADJ weak
last | past | previous => dir=past

@NEXT_ADJ weak
next | coming | following | upcoming => dir=future

@DIR_ADJ weak
last | past => dir=past
next => dir=future

@THIS weak
this | current => dir=this

# no @DET class: Recognizers-Text keeps the English article in its spans ("the 27th",
# "the summer", "the 1970s"), unlike the French one ("12 janvier" for "le 12 janvier")

# words after the modal verb "may" ("it may be", "may I ask", "this may take longer"): the
# modal, not the month (a verb in its base form, a subject pronoun, a negation or an adverb)
@MODAL_NEXT weak
be | not | have | also | well | still | only | never | already | even | just | i | we | you | he | she | they | it
take | result | email | ask | differ | get | need | want | come | go | help | include | contain | use | apply | vary
change | see | find | make | seem | appear | require | lead | affect | occur | happen | call | send | wish | receive
provide | continue | cause | involve | allow | consider | choose | do | lose | become | remain | prove | offer | contact
return | reply | keep | give | say | think | know | look | leave | meet | suggest | request | face | bring | run | feel

@COUNT_NOUN weak
dollars | euros | people | persons | tons | km | miles | meters | % | percent | troops | soldiers

@VAGUE_PAST
recently | formerly | previously | in the past | lately => ref=PAST_REF
@VAGUE_FUTURE
soon | in the future | shortly | later on => ref=FUTURE_REF
@VAGUE_PRESENT
now | just now | at this time | currently | right now | at the moment | at present | nowadays | at the present time | at the minute => ref=PRESENT_REF
@VAGUE_FUTURE_NOUN
the future => ref=FUTURE_REF

# eras after a year ("2014 BC")
@ERA
bc | b.c. | b. c. | bce | b.c.e. | before christ => era=BC

# feasts whose name is also a common word ("lent", the past of "lend"): named only with a year
@HOLIDAY_YEAR
lent => easter=-46 len=46

@HOLIDAY
new year's day | new year | new years day | new year day => month=1 day=1
valentine's day | valentines day | valentine day => month=2 day=14
independence day => month=7 day=4
halloween => month=10 day=31
christmas | christmas day | xmas => month=12 day=25
christmas eve => month=12 day=24
new year's eve | new years eve | new year eve => month=12 day=31
liberation day => month=8 day=15
easter | easter sunday => easter=0
easter monday | easter mon => easter=1
good friday => easter=-2
# movable feasts counted from Easter
maundy thursday | covenant thursday | covenant thu | thursday of mysteries | thu of mysteries | holy thursday => easter=-3
palm sunday | branch sunday => easter=-7
shrove tuesday | pancake day | pancake tuesday | mardi gras => easter=-47
ash wednesday => easter=-46
# Lent: Ash Wednesday through Holy Saturday (46 days); the Orthodox Great Lent, from Clean
# Monday to the Friday before Lazarus Saturday (its 40 days)
great lent | great fast => easter=-48 cal=OR len=40
ascension day | ascension thursday => easter=39
pentecost | whit sunday | whitsunday | white sunday | pentecost sunday => easter=49
whit monday | whitmonday | pentecost monday | monday of the holy spirit => easter=50
trinity sunday => easter=56
corpus christi => easter=60
world vegan day => month=11 day=1
# Orthodox feasts (Julian computus)
orthodox easter | orthodox easter sunday | pascha => easter=0 cal=OR
orthodox good friday | orthodox great friday => easter=-2 cal=OR
clean monday | orthodox shrove monday | pure monday => easter=-48 cal=OR
lazarus saturday => easter=-8 cal=OR
# Islamic feasts (Islamic calendar, months begun by the conjunction: month/day of the Hijri year)
ramadan | ramazan | ramzan => month=9 day=1 cal=IS lenm=1
eid al-fitr | eid al fitr | eid ul-fitr | id ul-fitr | eid-al-fitr => month=10 day=1 cal=IS
eid al-adha | eid al adha | eid ul-adha | id ul-adha | eid-al-adha | bakr id | bakrid | sacrifice feast | feast of sacrifice => month=12 day=10 cal=IS
islamic new year | hijri new year | amun jadid | muharram => month=1 day=1 cal=IS
ashura | day of ashura => month=1 day=10 cal=IS
mawlid | mawlid al-nabawi | mawlid an-nabi | prophet's birthday => month=3 day=12 cal=IS
isra and mi'raj | isra and miraj | the prophet's ascension | prophet's ascension | the night journey | night journey | ascension to heaven => month=7 day=27 cal=IS
laylat al-qadr | laylat al kadr | laylat al-kadr | laylat al qadr | night of power | night of measures => month=9 day=27 cal=IS
# Jewish feasts (Hebrew calendar: month from Nisan = 1, Tishri = 7, 13 = the last Adar; given
# as the civil day on whose evening they begin; `obs`: moved when they fall on those weekdays;
# `len`: the civil days a feast that lasts runs over, from that first evening's day to its
# closing nightfall's (diaspora reckoning: Rosh Hashanah and Shavuot 2 days, Passover 8;
# Sukkot with Shemini Atzeret 8; Hanukkah, the feast of eight nights, the days of its eight
# evenings)
rosh hashanah | rosh hashana | rosh hashanna | rosh ha-shanah | jewish new year => month=7 day=1 cal=HE len=3
yom kippur | day of atonement => month=7 day=10 cal=HE
sukkot | succot | succos | sukkos | feast of tabernacles | feast of booths | feast of the ingathering => month=7 day=15 cal=HE len=9
shemini atzeret => month=7 day=22 cal=HE
simchat torah | simhat torah | simchas torah => month=7 day=23 cal=HE
hanukkah | hanukah | chanukah | chanukkah | hannukkah | hannukah | hanukka | chanuka => month=9 day=25 cal=HE len=8
tu bishvat | tu b'shvat | tu bshvat | tu bi-shvat => month=11 day=15 cal=HE
purim => month=13 day=14 cal=HE
shushan purim => month=13 day=15 cal=HE
passover | pesach | pesah => month=1 day=15 cal=HE len=9
yom hashoah | yom ha-shoah | holocaust day => month=1 day=27 cal=HE obs=Fr-1Su+1
yom haatzmaut | yom ha'atzmaut | yom ha-atzmaut | israel independence day => month=2 day=5 cal=HE obs=Mo+1Fr-1Sa-2
lag baomer | lag b'omer | lag bomer | lag ba'omer => month=2 day=18 cal=HE
shavuot | shavuos | shavuoth | feast of weeks => month=3 day=6 cal=HE len=3
tisha b'av | tisha bav | tisha be'av | tisha b'ab => month=5 day=9 cal=HE obs=Sa+1
# observed on a nearby weekday ("Boss's Day": 16 October, a Saturday's on the Friday, a
# Sunday's on the Monday; "King's Day": 27 April, a Sunday's on the Saturday)
boss's day | bosses day | boss day | national boss day | national boss's day => month=10 day=16 obs=Sa-1Su+1
king's day | koningsdag => month=4 day=27 obs=Su-1
black friday => month=11 weekday=4 ordinal=4 sub=WD offd=1
cyber monday => month=11 weekday=4 ordinal=4 sub=WD offd=4
presidents' day | presidents day | president's day | washington's birthday => month=2 weekday=1 ordinal=3 sub=WD
earth day => month=4 day=22
# Earth Hour: the last Saturday of March, a week earlier when that is Holy Saturday; 20:30 for an hour
earth hour => month=3 weekday=6 ordinal=-1 sub=WD obs=E-1-7 hour=20 minute=30 len=60
yuandan => month=1 day=1
international workers' day | international workers day | int'l workers day | workers' day | workers day => month=5 day=1
jumu'atul-wida | jumu'atul wida | jamat ul-vida | jamat ul vida | jumu'ah al-wida => month=10 day=1 weekday=5 cal=IS
# Chinese lunar calendar (new moons at Beijing time): days of its first month
chinese new year | chinese new years | chinese new year's | chinese new year's day | chinese lunar new year | chinese lunar new year's day | lunar new year | spring festival => month=1 day=1 cal=CN
lantern festival => month=1 day=15 cal=CN
# Indian solar festivals (sidereal solar months: 1 = Mesha, 10 = Makara; day 1 = the day the
# Sun enters the sign, 0 = the day before)
pongal | thai pongal | makar sankranti | makara sankranti | makara sankranthi | makar sankranthi | maghi => month=10 day=1 cal=SO
bhogi | bogi | bhogi pandigai | bogi pandigai => month=10 day=0 cal=SO
mattu pongal | maattu pongal => month=10 day=2 cal=SO
kaanum pongal | kanum pongal | kanni pongal => month=10 day=3 cal=SO
vaisakhi | baisakhi | vasakhi | vaishakhi | vaisakhi day => month=1 day=1 cal=SO
# Bengali months (obs=BN: begun the day after the transit): Tagore's birthday, 25 Boishakh
rabindra jayanti | rabindranath jayanti | tagore jayanti | pochise boishakh => month=1 day=25 cal=SO obs=BN
pohela boishakh | poila baisakh | pohela baishakh | bengali new year => month=1 day=1 cal=SO obs=BN
# Kerala's star festivals (cal=NK: month = the sidereal solar month, 5 = Chingam; day = the
# Moon's mansion, 22 = Thiruvonam/Shravana, prevailing at sunrise)
onam | thiru onam | thiruvonam | thiruonam => month=5 day=22 cal=NK
# Hindu lunar festivals (cal=HI: month 1 = Chaitra … 7 = Ashvin … 12 = Phalguna, months from
# new moon to new moon; day = the lunar day, 1–15 waxing, 16–30 waning; obs = the hour (IST) at
# which it must prevail: 6 sunrise, 12 midday, 16 afternoon, 19 dusk, 24 midnight)
diwali | deepavali | deepawali | lakshmi puja => month=7 day=30 cal=HI obs=19
naraka chaturdashi | choti diwali | chhoti diwali | kali chaudas | roop chaudas => month=7 day=30 cal=HI obs=19 offd=-1
dhanteras | dhanatrayodashi | dhantrayodashi => month=7 day=30 cal=HI obs=19 offd=-2
bhai dooj | bhaiya dooj | bhai tika | bhau beej => month=7 day=30 cal=HI obs=19 offd=2
chhath | chhath puja | dala puja | dala chhath | surya shashthi => month=7 day=30 cal=HI obs=19 offd=6
maha saptami => month=7 day=7 cal=HI obs=6
# Navaratri: the nine nights from Ashvin's first lunar day (at sunrise) to the eve of Vijayadashami
navaratri | navratri | sharad navaratri | maha navaratri => month=7 day=1 cal=HI obs=6 len=9
# Durga Puja: Shashthi to Vijayadashami (Ashvin's sixth to tenth lunar days, five days)
durga puja | durgotsava | durgotsav => month=7 day=6 cal=HI obs=6 len=5
dussehra | dasara | vijayadashami | vijaya dashami => month=7 day=10 cal=HI obs=16
karva chauth | karwa chauth | karaka chaturthi => month=7 day=19 cal=HI obs=20
ratha yatra | ratha-yatra | rath yatra => month=4 day=2 cal=HI obs=6
raksha bandhan | rakhi => month=5 day=15 cal=HI obs=6
mahavir jayanti | mahaveer jayanti | mahavir janma kalyanak | mahaveer janma kalyanak => month=1 day=13 cal=HI obs=6
maha shivaratri | mahashivaratri | maha shivratri => month=11 day=29 cal=HI obs=24
saraswati jayanti | dayananda saraswati jayanti => month=11 day=25 cal=HI obs=6
vasant panchami | basant panchami => month=11 day=5 cal=HI obs=6
holika dahan | chhoti holi | choti holi | kamudu pyre => month=12 day=15 cal=HI obs=19
holi | dhulandi | dhulheti | phagwah | rangwali holi => month=12 day=15 cal=HI obs=19 offd=1
krishna janmashtami | janmashtami | gokulashtami | krishna jayanti => month=5 day=23 cal=HI obs=24
ganesh chaturthi | ganesha chaturthi | vinayaka chaturthi => month=6 day=4 cal=HI obs=12
rama navami | ram navami => month=1 day=9 cal=HI obs=12
ugadi | yugadi | samvatsaradi | chaitra sukladi | chaitra sukhladi | gudi padwa => month=1 day=1 cal=HI obs=6
guru ravidas jayanti | guru ravidass jayanti | guru ravidas birthday | guru ravidass birthday => month=11 day=15 cal=HI obs=6
valmiki jayanti | maharishi valmiki jayanti | pargat diwas => month=7 day=15 cal=HI obs=6
guru gobind singh jayanti | guru govind singh jayanti | guru gobind singh birthday => month=10 day=7 cal=HI obs=6
vesak | vaisakha | buddha day | buddha purnima | buddha jayanti => month=2 day=15 cal=HI obs=19
# the Parsi Shahenshahi calendar (365-day years)
parsi new year | jamshedi navroz | parsi navroz => month=1 day=1 cal=ZO
the ides of march | ides of march => month=3 day=15
veterans day => month=11 day=11
may day => month=5 day=1
# holidays on the n-th weekday of a month (ordinal -1 = the last)
thanksgiving | thanksgiving day | thanks giving | thanks giving day => month=11 weekday=4 ordinal=4 sub=WD
mother's day | mothers day | mother day => month=5 weekday=7 ordinal=2 sub=WD
father's day | fathers day | father day => month=6 weekday=7 ordinal=3 sub=WD
memorial day => month=5 weekday=1 ordinal=-1 sub=WD
labor day | labour day => month=9 weekday=1 ordinal=1 sub=WD
martin luther king day | martin luther king's day | martin luther kings day | martin luther king jr. day | martin luther king jr day | mlk day | mlk jr. day | mlk jr day | civil rights day => month=1 weekday=1 ordinal=3 sub=WD
boxing day => month=12 day=26
st patrick's day | st. patrick's day | saint patrick's day | st patrick day | st. patrick day | saint patricks day | st patricks day | st paddy's day | saint paddy's day | st. paddy's day | saint patrick | st patrick | st. patrick => month=3 day=17
all saints day | all saints' day => month=11 day=1
juneteenth | freedom day | jubilee day | emancipation day => month=6 day=19
international workers' day | international workers day | workers' day | international labour day | international labor day => month=5 day=1

# end / beginning of the current period, abbreviated ("EOM", "by the EOY", "the BOM"; EOD: see en.rules)
@PERIOD_EDGE
eom | e.o.m. => mod=END unit=M
bom | b.o.m. => mod=START unit=M
eoy | e.o.y. => mod=END unit=Y
boy | b.o.y. => mod=START unit=Y

@SET_ADJ
daily | everyday => unit=D
weekly => unit=W
monthly => unit=M
annually | yearly | annual => unit=Y
quarterly => unit=Q
biweekly | fortnightly => unit=W n=2
bimonthly | bi-monthly => unit=M n=2
# twice a year: every six months
semiannual | semi-annual | semiannually | semi-annually | biannual | biannually | bi-annually => unit=M n=6

@TIME_WORD
noon | midday | mid-day | mid day => hour=12
midnight | mid night | mid-night => hour=0
# the middle of a part of the day as a clock time (Recognizers-Text: 10:00, 14:00)
midmorning | mid-morning => hour=10
midafternoon | mid-afternoon => hour=14
# "noonish": about noon
noonish => hour=12 mod=APPROX

# the hour marker of a clock time; not weak: "seven o'clock" has no other strong word
@OCLOCK
o'clock | oclock | o clock

# not weak: "half past eight", "half three" have no other strong word
@QUARTER_WORD
quarter => minute=15
half => minute=30

# minutes of a clock time said as bare number words after the hour ("eight forty"); not weak
# so that a time made only of numerals can start a match (scheduling-style inputs only)
@CLOCK_MINUTE
twenty => minute=20
twenty-five | twenty five => minute=25
thirty => minute=30
thirty-five | thirty five => minute=35
forty => minute=40
forty-five | forty five => minute=45
fifty => minute=50
fifty-five | fifty five => minute=55

@FEW weak
a few | few | several | many

# "9a to 11a", "9p": a lone letter for am/pm after an hour (weak: only in clock ranges of requests)
@TIMEPOD_LETTER weak
a => pod=MO
p => pm=1

# not weak: "three am" has no other strong word (the rules using it need a number first)
@TIMEPOD
am | a.m. | a.m | a m | a. m. | in the morning | of the morning | in morning | in the am | in the a.m. => pod=MO
pm | p.m. | p.m | p m | p. m. | in the afternoon | in the evening | of the afternoon | of the evening | at night | tonight | in afternoon | in evening | in the pm | in the p.m. => pm=1
p | p. => pm=1
# "1 o'clock lunchtime": the lunch-time hour (1 is 13:00)
lunchtime | at lunchtime => pod=MEL

@ROMAN
nineteenth => century=19
twentieth => century=20
twenty-first => century=21

@PAST_MARK exact
was | were | had | did | said | yesterday | last | ago | went | came
# irregular past forms of frequent verbs
happened | visited | worked | started | finished | arrived | returned | lived | moved | stayed | ate | drank | met | saw | took | got | gave | made | bought | brought | found | told | thought | knew | spoke | wrote | sent | spent | paid | heard | ran | slept | won | began | became | flew | drove | fell | felt | forgot | caught | sold | built
@FUTURE_MARK exact
will | shall | going | next | tomorrow | 'll

# words between a date and a time of day that make one expression ("March 2 at 5pm")
@JOIN weak
at | @ | , | on | in the | around | about | by | - | the

# prepositions that scheduling-style inputs (Duckling, Recognizers) keep inside the span;
# TimeML spans leave them out. Entries may set a mod.
@LEAD weak
at | @ | on | in | by | for | during | within | the | to | and
through | thru => mod=ON_OR_BEFORE
from | since | starting | as of | after => mod=AFTER
before | until | untill | till | up to | prior to | by => mod=BEFORE
as late as => mod=ON_OR_BEFORE
as early as | beginning | beginning on | starting from | any time from | anytime from => mod=ON_OR_AFTER
# comparison signs ("> = 2019", "<= 6pm"; a bare "<" or ">" is too often markup)
> = | >= => mod=ON_OR_AFTER
< = | <= => mod=ON_OR_BEFORE
=
later than | greater than | no earlier than | not before => mod=AFTER
earlier than | sooner than | no later than | not after | in advance of => mod=BEFORE
# the upper bound after a lower one ("later than 3:30pm but before 6pm")
but before | but earlier than | but not after => mod=BEFORE
as early as => mod=ON_OR_AFTER
on or after | after or on | on or later than | later than or on | later than or in | in or after => mod=ON_OR_AFTER
on or before | before or on | on or earlier than | earlier than or on | earlier than or in | before or in | in or before => mod=ON_OR_BEFORE

# a duration counted from a day ("three weeks from tomorrow", "2 weeks before Christmas")
@OFFSET weak
from | after | later than => sign=1
before | earlier than => sign=-1
# between durations that add up ("2 weeks and 2 days ago", "1 month, 21 days ago")
@DUR_JOIN weak
and | ,

# between a date and its year ("january 12 of 2016", "28 june in 2020", "Dec/2018")
@YEAR_JOIN weak
of | in | , | /

# prepositions Recognizers-Text leaves out of its spans even where a rule took them ("at 2pm")
@BARE_DROP weak
at | @
# ("about Jan/3", "about 1pm": Recognizers keeps "around" but not "about")
about

# how long a clock time lasts ("from 2pm for 2 hours")
@LASTING weak
for

# coordinators of a list, whose items share the context one of them states ("next week on
# Tuesday or Thursday", "Mon, Wed, Fri", "July 17th, 18th, or 19th", "this week or next")
@COORD weak
or | and | , | , or | , and

# range connectors (Recognizers-Text style ranges are one span: "from 4pm to 5pm")
@RANGE_JOIN weak
to | - | ~ | through | thru | until | untill | till | til | and
to the | through the | until the | till the | and the
# coordinators among the range connectors: a range only after a @RANGE_OPEN word ("between
# 3 and 5"); elsewhere they list ("in 2007 and 2009")
@RANGE_AND weak
and
@RANGE_OPEN weak
from | between
from the | between the

# time zones after a clock time ("8:00 GMT", "10.30 am ( CET )": en.rules reads them in
# brackets too), as UTC offsets in minutes
@TZ weak
gmt | utc | z => tz=0
cet | bst | wat => tz=60
cest | eet => tz=120
eest | msk => tz=180
ist => tz=330
est => tz=-300
edt => tz=-240
cdt => tz=-300
cst => tz=-360
mst => tz=-420
mdt => tz=-360
pst => tz=-480
pdt => tz=-420
# round 3 (helper B): more abbreviations, and zones named in words after a clock time
# ("3pm pacific", "7 PM Eastern", "1pm mountain timezone"; a place's time, "12PM Singapore
# time", is a @TZ_PLACE and a @TZ_SUFFIX, in the time-zones section at the end)
pt | pacific | pacific time | pacific timezone | pacific time zone | pacific standard time => tz=-480
pacific daylight time | pacific daylight saving time => tz=-420
mt | mountain | mountain time | mountain timezone | mountain time zone | mountain standard time => tz=-420
mountain daylight time => tz=-360
ct | central | central time | central timezone | central time zone | central standard time => tz=-360
central daylight time => tz=-300
et | eastern | eastern time | eastern timezone | eastern time zone | eastern standard time => tz=-300
eastern daylight time => tz=-240
akst => tz=-540
hst => tz=-600
sast => tz=120
sgt | hkt | awst => tz=480
jst | kst => tz=540
acst => tz=570
aest => tz=600
acdt => tz=630
aedt => tz=660
nzst => tz=720
nzdt => tz=780
# offsets told in hours from UTC/GMT ("UTC+8", "(GMT-3)", "UTC + 4")
utc-12 | utc-12h | gmt-12 | gmt-12h => tz=-720
utc-11 | utc-11h | gmt-11 | gmt-11h => tz=-660
utc-10 | utc-10h | gmt-10 | gmt-10h => tz=-600
utc-9 | utc-9h | gmt-9 | gmt-9h => tz=-540
utc-8 | utc-8h | gmt-8 | gmt-8h => tz=-480
utc-7 | utc-7h | gmt-7 | gmt-7h => tz=-420
utc-6 | utc-6h | gmt-6 | gmt-6h => tz=-360
utc-5 | utc-5h | gmt-5 | gmt-5h => tz=-300
utc-4 | utc-4h | gmt-4 | gmt-4h => tz=-240
utc-3 | utc-3h | gmt-3 | gmt-3h => tz=-180
utc-2 | utc-2h | gmt-2 | gmt-2h => tz=-120
utc-1 | utc-1h | gmt-1 | gmt-1h => tz=-60
utc+1 | utc+1h | gmt+1 | gmt+1h => tz=60
utc+2 | utc+2h | gmt+2 | gmt+2h => tz=120
utc+3 | utc+3h | gmt+3 | gmt+3h => tz=180
utc+4 | utc+4h | gmt+4 | gmt+4h => tz=240
utc+5 | utc+5h | gmt+5 | gmt+5h => tz=300
utc+6 | utc+6h | gmt+6 | gmt+6h => tz=360
utc+7 | utc+7h | gmt+7 | gmt+7h => tz=420
utc+8 | utc+8h | gmt+8 | gmt+8h => tz=480
utc+9 | utc+9h | gmt+9 | gmt+9h => tz=540
utc+10 | utc+10h | gmt+10 | gmt+10h => tz=600
utc+11 | utc+11h | gmt+11 | gmt+11h => tz=660
utc+12 | utc+12h | gmt+12 | gmt+12h => tz=720
utc+13 | utc+13h | gmt+13 | gmt+13h => tz=780
utc+14 | utc+14h | gmt+14 | gmt+14h => tz=840
# the eleven zones of Russia, numbered west to east (zone 1 = Kaliningrad, UTC+2)
russia time zone 1 | russian time zone 1 => tz=120
russia time zone 2 | russian time zone 2 => tz=180
russia time zone 3 | russian time zone 3 => tz=240
russia time zone 4 | russian time zone 4 => tz=300
russia time zone 5 | russian time zone 5 => tz=360
russia time zone 6 | russian time zone 6 => tz=420
russia time zone 7 | russian time zone 7 => tz=480
russia time zone 8 | russian time zone 8 => tz=540
russia time zone 9 | russian time zone 9 => tz=600
russia time zone 10 | russian time zone 10 => tz=660
russia time zone 11 | russian time zone 11 => tz=720

# currency signs: the number after one is an amount ("$12 December 27")
@CURRENCY weak
$ | € | £ | usd | us$

# --- time-zones ---
# Time zones named on their own (the zone layer, crates/dyade-time/src/zones.rs) and after a
# clock time (en.rules `$TIME @TZ`, `$TIME @TZ_PLACE @TZ_SUFFIX`). `tz` is the UTC offset in
# minutes, standard (winter) time unless the name says daylight/summer time; each surface's
# offset is written once: in @TZ (above and below), @TZ_WORD or @TZ_PLACE.
@TZ weak
# North America: the regions' names in full, with their daylight saving variants
pacific std time | pacific standard timezone => tz=-480
pacific daylight savings time | pacific summer time | pdst => tz=-420
mountain std time | mountain standard timezone => tz=-420
mountain daylight saving time | mountain daylight savings time => tz=-360
central std time | central standard timezone => tz=-360
central daylight saving time | central daylight savings time => tz=-300
eastern std time | eastern standard timezone => tz=-300
eastern daylight saving time | eastern daylight savings time => tz=-240
atlantic time | atlantic timezone | atlantic time zone | atlantic standard time => tz=-240
atlantic daylight time | atlantic daylight saving time => tz=-180
akdt => tz=-480
hawaii-aleutian standard time => tz=-600
hawaii-aleutian daylight time => tz=-540
# Windows zone names with a country qualifier
pacific standard time ( mexico ) => tz=-480
mountain standard time ( mexico ) => tz=-420
central standard time ( mexico ) => tz=-360
eastern standard time ( mexico ) => tz=-300
us mountain standard time => tz=-420
us eastern standard time => tz=-300
canada central standard time => tz=-360
# universal time and its military letter
greenwich mean time | coordinated universal time | universal coordinated time | universal time | zulu time => tz=0
# anywhere on earth: the last zone to reach a date (deadlines)
anywhere on earth | aoe => tz=-720
# Europe, Africa, Asia, the Pacific, South America (abbreviations no word or common acronym has)
british summer time | irish standard time => tz=60
further-eastern european time => tz=180
azot => tz=-60
gulf standard time | gulf time => tz=240
irst => tz=210
irdt => tz=270
samt => tz=240
yekt | almt => tz=300
slst => tz=330
omst => tz=360
novt | krat | hovt => tz=420
wita | irkt | ulat => tz=480
yakt => tz=540
awdt => tz=540
lhst => tz=630
chst | chamorro standard time | vlat => tz=600
magt => tz=660
pett | wakt => tz=720
chast => tz=765
chadt => tz=825
tost => tz=840
taht => tz=-600
gamt => tz=-540
uyt | fkst | clst => tz=-180

# abbreviations that are also ordinary words or common acronyms ("lint", "AST", "NFT",
# "GST" the tax, "ICT"): a zone only in zone position, right after a clock time when
# capitalized or ending the clause ("16:30 WET.", not "3PM get at"), or after a @TZ_LEAD
# preposition that ends the clause ("Book me a room at aft")
@TZ_WORD weak
wet => tz=0
cat => tz=120
eat | fet | trt | idt => tz=180
get | gst | azt | mut | sct | ret => tz=240
aft => tz=270
pkt | uzt | tjt | tmt | mvt => tz=300
npt => tz=345
kgt | btt => tz=360
mmt => tz=390
ict | wib | cxt => tz=420
pht | myt | bnt => tz=480
wit | tlt => tz=540
pgt => tz=600
sbt | nct | vut | nft | pont => tz=660
fjt | mht | gilt | nrt | tvt | wft => tz=720
tot | phot | tkt => tz=780
lint => tz=840
sst | nut => tz=-660
ckt => tz=-600
mart => tz=-570
hast => tz=-600
hadt => tz=-540
ast => tz=-240
adt => tz=-180
nst => tz=-210
ndt => tz=-150
brt | gft | srt | art => tz=-180
fnt => tz=-120
cvt => tz=-60
clt | gyt | bot | vet => tz=-240
ect | cot | pet => tz=-300

# zone abbreviations and region names of @TZ that are also ordinary words ("et al.", "Mt.
# Everest", "the mountain is high"): a zone only right after a clock time ("9-6 PT", "3pm
# pacific") or after a @TZ_LEAD preposition that ends the clause ("at pt")
@TZ_AMBIGUOUS weak
et | pt | ct | mt | est | ist | z | wat | sgt
pacific | mountain | central | eastern

# zones an offset in hours may follow ("UTC+4", "gmt-3", "UTC -12h", "utc4:30", "MSK+7")
@TZ_SIGNED weak
utc | gmt | msk
# closing the hours of such an offset ("-12h")
@TZ_HOUR_MARK weak
h

# words closing a clock time, before its zone ("10 o'clock PT", "1500 hrs GMT")
@TZ_CLOCK_END weak
o'clock | oclock | o clock | hrs

# prepositions that put an ambiguous zone word in zone position ("at pt", "in ET")
@TZ_LEAD weak
at | in | on | @

# the words after a place that make it a zone ("Madrid time", "Sydney timezone", "St.
# Louis-time", "Afghanistan standard time")
@TZ_SUFFIX weak
time | timezone | time zone | time-zone | - time | - timezone | local time
standard time | std time | standard timezone | std. time | standard time zone
# ... and those that move it one hour on ("Sydney daylight time", "London summer time")
@TZ_DAYLIGHT weak
daylight time | daylight saving time | daylight savings time | summer time | daylight timezone => tz=60

# Cities, countries and regions, with their standard offset (a place in several zones has
# none: "US time" is a zone the text leaves open; a few take that of their capital or most of
# their people: "Mexico time" is Mexico City's, "Brazil time" Brasília's). Places that are
# also common words are in @TZ_PLACE_CAP, capitalized only ("Nice time", not "a nice time").
@TZ_PLACE weak
united states | united states of america | usa | america | canada | san jose | san josé | russia | russian federation | australia | indonesia | europe | africa | asia | kiribati | congo | democratic republic of the congo | drc | micronesia | french polynesia | greenland
baker island | howland island => tz=-720
american samoa | pago pago | niue | midway | midway islands => tz=-660
hawaii | hawaiian | honolulu | oahu | maui | tahiti | papeete | cook islands | rarotonga | aleutian islands | adak => tz=-600
marquesas | marquesas islands => tz=-570
alaska | alaskan | anchorage | juneau | fairbanks | gambier islands => tz=-540
los angeles | l.a. | san francisco | seattle | vancouver | san diego | las vegas | sacramento | oakland | fresno | long beach | tijuana | california | oregon | nevada | british columbia | baja california | silicon valley | hollywood | pitcairn | pitcairn islands | west coast | us west coast | spokane | tacoma | reno | palo alto | santa barbara => tz=-480
denver | salt lake city | albuquerque | boise | calgary | edmonton | el paso | tucson | colorado | arizona | utah | new mexico | montana | wyoming | idaho | alberta | hermosillo | sonora | mazatlán | yukon | whitehorse | colorado springs | scottsdale | santa fe | billings | cheyenne => tz=-420
chicago | houston | dallas | san antonio | austin | minneapolis | st. louis | st louis | saint louis | kansas city | new orleans | milwaukee | nashville | memphis | oklahoma city | tulsa | omaha | des moines | winnipeg | regina | saskatoon | mexico city | mexico | guadalajara | monterrey | puebla | guatemala | guatemala city | belize | el salvador | san salvador | honduras | tegucigalpa | nicaragua | managua | costa rica | texas | illinois | minnesota | wisconsin | iowa | missouri | arkansas | louisiana | mississippi | alabama | oklahoma | kansas | nebraska | north dakota | south dakota | tennessee | manitoba | saskatchewan | galápagos | easter island | fort worth | st. paul | saint paul | madison | little rock | wichita | green bay => tz=-360
new york | new york city | nyc | boston | washington | washington dc | washington d.c. | washington , d.c. | philadelphia | atlanta | miami | detroit | toronto | montreal | ottawa | québec | quebec city | baltimore | pittsburgh | cleveland | cincinnati | columbus | charlotte | raleigh | tampa | orlando | jacksonville | indianapolis | louisville | richmond | newark | hartford | new jersey | florida | virginia | north carolina | south carolina | ohio | michigan | pennsylvania | massachusetts | connecticut | maryland | delaware | vermont | new hampshire | maine | rhode island | west virginia | indiana | kentucky | ontario | cancún | quintana roo | panama | bogotá | colombia | lima | peru | quito | ecuador | jamaica | kingston | havana | cuba | haiti | port-au-prince | cayman islands | bahamas | nassau | east coast | us east coast | wall street | manhattan | brooklyn | queens | long island | albany | syracuse | miami beach | fort lauderdale | savannah | charleston => tz=-300
halifax | nova scotia | new brunswick | prince edward island | labrador | puerto rico | san juan | santo domingo | dominican republic | caracas | venezuela | la paz | bolivia | santiago | santiago de chile | manaus | barbados | bridgetown | bermuda | trinidad | trinidad and tobago | port of spain | guyana | aruba | curaçao | martinique | guadeloupe | saint barthélemy | saint-barthélemy | st. barthélemy | st. barts | st barts | antigua | antigua and barbuda | dominica | grenada | saint lucia | st. lucia | virgin islands | british virgin islands | us virgin islands | anguilla | montserrat | saint kitts | st. kitts | saint kitts and nevis | saint vincent | st. vincent | sint maarten | saint martin | st. martin => tz=-240
newfoundland | newfoundland and labrador => tz=-210
buenos aires | argentina | são paulo | rio de janeiro | rio | brasília | brazil | montevideo | uruguay | cayenne | kourou | french guiana | suriname | paramaribo | recife | fortaleza | belo horizonte | porto alegre | curitiba | falkland islands | falklands | asunción | paraguay | mendoza | rosario => tz=-180
nuuk | south georgia | fernando de noronha => tz=-120
azores | cape verde | praia => tz=-60
london | uk | u.k. | united kingdom | britain | great britain | england | scotland | wales | northern ireland | edinburgh | glasgow | manchester | birmingham | liverpool | leeds | bristol | cardiff | belfast | dublin | ireland | lisbon | portugal | porto | madeira | reykjavík | iceland | accra | ghana | dakar | senegal | abidjan | ivory coast | côte d'ivoire | bamako | mali | conakry | guinea-bissau | bissau | freetown | sierra leone | monrovia | liberia | banjul | gambia | the gambia | nouakchott | mauritania | ouagadougou | burkina faso | lomé | togo | canary islands | canaries | tenerife | gran canaria | las palmas | faroe islands | faroes | western europe | western european | york | colchester | oxford | sheffield | nottingham | leicester | southampton | brighton | aberdeen | dundee | inverness | swansea | coventry | plymouth | greenwich | guernsey | isle of man | saint helena | st. helena | são tomé | sao tome and principe | newcastle upon tyne | cork | galway | limerick | norwich | exeter | luton | stoke | wolverhampton | sunderland | portsmouth => tz=0
paris | france | berlin | germany | madrid | spain | rome | italy | amsterdam | netherlands | holland | brussels | belgium | vienna | austria | zürich | geneva | bern | berne | basel | lausanne | switzerland | stockholm | sweden | oslo | norway | copenhagen | denmark | warsaw | poland | kraków | prague | czech republic | czechia | budapest | hungary | bratislava | slovakia | ljubljana | slovenia | zagreb | croatia | belgrade | serbia | sarajevo | bosnia | bosnia and herzegovina | podgorica | montenegro | skopje | north macedonia | macedonia | tirana | albania | pristina | kosovo | luxembourg | monaco | andorra | san marino | vatican | vatican city | valletta | malta | gibraltar | liechtenstein | vaduz | munich | münchen | frankfurt | hamburg | cologne | köln | düsseldorf | stuttgart | leipzig | dresden | hanover | hannover | bonn | nuremberg | barcelona | seville | sevilla | bilbao | málaga | milan | milano | naples | turin | florence | venice | bologna | genoa | palermo | lyon | marseille | marseilles | toulouse | bordeaux | strasbourg | lille | nantes | rotterdam | the hague | utrecht | eindhoven | antwerp | ghent | gothenburg | bergen | aarhus | gdansk | gdańsk | wroclaw | lagos | nigeria | abuja | kano | ibadan | kinshasa | luanda | angola | cameroon | yaoundé | douala | algiers | algeria | tunis | tunisia | casablanca | rabat | marrakech | marrakesh | morocco | western sahara | laayoune | libreville | gabon | malabo | equatorial guinea | niamey | n'djamena | brazzaville | bangui | central african republic | porto-novo | cotonou | benin | west africa | west african | central europe | central european | sardinia | sicily | corsica | bavaria | catalonia => tz=60
athens | greece | helsinki | finland | kyiv | kiev | ukraine | kharkiv | odessa | odesa | lviv | bucharest | romania | sofia | bulgaria | riga | latvia | tallinn | estonia | vilnius | lithuania | chisinau | chișinău | moldova | cairo | egypt | alexandria | jerusalem | tel aviv | israel | haifa | beirut | lebanon | nicosia | cyprus | kaliningrad | johannesburg | cape town | pretoria | durban | south africa | harare | zimbabwe | lusaka | zambia | maputo | mozambique | gaborone | botswana | windhoek | namibia | lilongwe | malawi | kigali | rwanda | bujumbura | burundi | lubumbashi | tripoli | libya | khartoum | sudan | juba | south sudan | maseru | lesotho | mbabane | eswatini | swaziland | gaza | west bank | ramallah | palestine | thessaloniki | crete | rhodes | eastern europe | eastern european | central africa | central african => tz=120
moscow | st. petersburg | st petersburg | saint petersburg | minsk | belarus | istanbul | ankara | izmir | antalya | riyadh | saudi arabia | jeddah | mecca | medina | doha | qatar | kuwait | kuwait city | bahrain | manama | baghdad | iraq | basra | erbil | amman | damascus | syria | aleppo | sanaa | sana'a | yemen | aden | nairobi | kenya | mombasa | addis ababa | ethiopia | dar es salaam | tanzania | zanzibar | dodoma | kampala | uganda | mogadishu | somalia | djibouti | asmara | eritrea | antananarivo | madagascar | comoros | mayotte | crimea | simferopol | sevastopol | volgograd | east africa | east african | arabia | kirov => tz=180
tehran | iran | isfahan | shiraz | mashhad => tz=210
dubai | abu dhabi | united arab emirates | uae | u.a.e. | sharjah | muscat | oman | baku | azerbaijan | tbilisi | yerevan | armenia | samara | izhevsk | saratov | astrakhan | ulyanovsk | mauritius | port louis | seychelles | mahé => tz=240
kabul | afghanistan | kandahar | herat => tz=270
karachi | lahore | islamabad | rawalpindi | faisalabad | peshawar | pakistan | tashkent | uzbekistan | samarkand | dushanbe | tajikistan | ashgabat | turkmenistan | yekaterinburg | chelyabinsk | perm | ufa | tyumen | maldives | kazakhstan | almaty | astana | nur-sultan | aktobe | shymkent | karaganda => tz=300
india | new delhi | delhi | mumbai | bombay | kolkata | calcutta | chennai | madras | bangalore | bengaluru | hyderabad | ahmedabad | pune | jaipur | lucknow | kochi | goa | sri lanka | colombo | kandy => tz=330
kathmandu | nepal => tz=345
dhaka | dacca | bangladesh | chittagong | thimphu | bhutan | omsk | bishkek | kyrgyzstan => tz=360
yangon | rangoon | myanmar | burma | naypyidaw | mandalay | cocos islands => tz=390
bangkok | thailand | phuket | chiang mai | hanoi | ho chi minh city | saigon | vietnam | viet nam | da nang | phnom penh | cambodia | vientiane | laos | jakarta | bandung | surabaya | sumatra | medan | western indonesia | novosibirsk | krasnoyarsk | tomsk | barnaul | kemerovo | hovd | indochina => tz=420
beijing | peking | shanghai | china | prc | hong kong | macau | macao | taipei | taiwan | singapore | kuala lumpur | malaysia | manila | philippines | philippine | perth | western australia | western australian | australian western | australian west | australia western | bali | denpasar | makassar | brunei | bandar seri begawan | irkutsk | ulaanbaatar | ulan bator | mongolia | shenzhen | guangzhou | chongqing | chengdu | wuhan | tianjin | nanjing | hangzhou | xi'an | xian | suzhou | qingdao | dalian | harbin | kaohsiung | taichung | cebu | davao | penang | johor bahru | borneo | sabah | sarawak => tz=480
tokyo | japan | osaka | kyoto | yokohama | nagoya | sapporo | fukuoka | kobe | hiroshima | okinawa | seoul | korea | south korea | republic of korea | north korea | pyongyang | busan | incheon | daegu | yakutsk | chita | palau | jayapura | eastern indonesia | timor-leste | east timor | dili => tz=540
adelaide | darwin | south australia | northern territory | central australia | australian central | australia central => tz=570
sydney | melbourne | brisbane | canberra | hobart | gold coast | queensland | new south wales | tasmania | eastern australia | eastern australian | australian eastern | australian east | australia eastern | aus eastern | guam | saipan | northern mariana islands | vladivostok | khabarovsk | port moresby | papua new guinea | png => tz=600
lord howe island | lord howe => tz=630
solomon islands | honiara | nouméa | new caledonia | vanuatu | port vila | magadan | sakhalin | yuzhno-sakhalinsk | norfolk island | bougainville => tz=660
auckland | wellington | christchurch | queenstown | dunedin | new zealand | fiji | suva | kamchatka | petropavlovsk-kamchatsky | marshall islands | majuro | tuvalu | funafuti | nauru | tarawa | gilbert islands | wallis and futuna => tz=720
chatham islands | chatham island => tz=765
tonga | nuku'alofa | samoa | apia | phoenix islands | tokelau => tz=780
line islands | kiritimati => tz=840

# places that are also common words: zones only when capitalized ("Reading time" is
# Reading's, "reading time" is not)
@TZ_PLACE_CAP weak
us | u.s. | u.s.a.
la => tz=-480
phoenix => tz=-420
mobile => tz=-360
buffalo | providence => tz=-300
chile => tz=-240
reading | bath | hull | derby | jersey => tz=0
nice | split | chad | niger | guinea => tz=60
turkey | jordan => tz=180
reunion => tz=240
male => tz=300

# --- time-modes ---
# Tasks mode (`TagOptions::tasks`, for to-do and reminder texts): expressions holding one of
# these words are not recognized — holidays such texts do not schedule (what follows the word
# is read on its own: "the independence day of this year" → "this year").
@TASKS_SKIP weak
independence day | teacher's day | teachers day | teachers' day | youth day | children's day | childrens day | children day | girls day | girls' day
ramadan | ramazan | ramzan | ramadhan | ramathan
eid al-fitr | eid al fitr | eid ul-fitr | id ul-fitr | eid-al-fitr
eid al-adha | eid al adha | eid ul-adha | id ul-adha | eid-al-adha | eid al azha | eidul azha | feast of the sacrifice | feast of sacrifice
islamic new year | arabic new year | hijri new year
# ... and those with one of these glued to the number before it and to nothing after ("7p":
# too loose a pm there; "7p.m." stays)
@TASKS_SKIP_GLUED weak
p

# Calendar mode (`TagOptions::calendar`): an expression that is nothing but one of these lone
# period terms is left out ("partner of the year", "have a great week")
@CALENDAR_SKIP weak
the day | the week | the month | the year | day | week | month | year

# A range opener that, before a single expression ("from 2014", "from October"), Recognizers-Text's
# default reading leaves out of the span (no interval is opened); its experimental mode reads it
# as "since" (`TagOptions::experimental`)
@WEAK_SINCE weak
from

# the range openers a coordinator closes ("between 3 and 5"; "from 2015 and 2016" lists two years)
@RANGE_AND_OPEN weak
between | between the
# ... but after these words, the length of one such period ("for the day": P1D)
@CALENDAR_DURING weak
for | during
# --- time-model ---
# kinds of year other than the calendar year, told in words or abbreviated ("fiscal year 2008",
# "sy18"): TIMEX3 prefixes the year (FY2008, SY2018)
@YEAR_KIND
fiscal year | financial year => era=FY
school year | academic year => era=SY
@YEAR_ABBR
fy => era=FY
sy => era=SY
# tens said before "and" and a unit digit ("twenty and four hours")
@TENS weak
twenty => n=20
thirty => n=30
forty => n=40
fifty => n=50
sixty => n=60
seventy => n=70
eighty => n=80
ninety => n=90
@DIGIT weak
one => n2=1
two => n2=2
three => n2=3
four => n2=4
five => n2=5
six => n2=6
seven => n2=7
eight => n2=8
nine => n2=9
# --- time-periods ---
# the hundreds of a year before 1000, told after "year" ("year two hundred and sixty seven")
@YEAR_HUNDRED
one hundred | one hundred and => n=1
two hundred | two hundred and => n=2
three hundred | three hundred and => n=3
four hundred | four hundred and => n=4
five hundred | five hundred and => n=5
six hundred | six hundred and => n=6
seven hundred | seven hundred and => n=7
eight hundred | eight hundred and => n=8
nine hundred | nine hundred and => n=9
# inclusive bounds told with "at" ("at or after 6:30PM today")
@LEAD weak
at or after | after or at => mod=ON_OR_AFTER
at or before | before or at => mod=ON_OR_BEFORE
# minutes ten and fifteen said after the hour ("ten ten", "fifteen fifteen p m"); "nineteen
# fifteen" is a year, so after a century word only with am/pm (see the rules)
@CLOCK_MINUTE_LOW
ten => minute=10
fifteen => minute=15

# parentheses around an apposed date ("this friday (jun-15)")
@PAREN_OPEN weak
(
@PAREN_CLOSE weak
)

# meal times that Recognizers-style spans keep apart from the day next to them ("after dinner",
# "tomorrow"), as holidays from their time ("christmas eve", "6 p.m."); tasks mode joins them
@APART weak
lunch | lunchtime | lunch-time | lunch time | dinner | dinnertime | breakfast | brunch | supper
# nouns a number labels ("building 4", "room 12", "gate 8"): the number is a name, no time
@LABEL_NOUN weak
building | room | floor | gate | platform | terminal | suite | apartment | bus | route | channel | chapter | section | lane | door | bay | pier | highway | hall
# "wedn" (Wednesday), as "thur" / "thurs" for Thursday
@WEEKDAY
wedn => weekday=3
@WEEKDAY_ABBR
wedn | wedn. => weekday=3

# units of a day or longer: what can be counted from a day ("3 days from today")
@UNIT_DAYS
year | years | yr | yrs => unit=Y
month | months => unit=M
week | weeks => unit=W
fortnight | fortnights => unit=W mult=2
day | days => unit=D
business day | business days | working day | working days | workday | workdays => unit=BD
decade | decades => unit=DE
century | centuries => unit=CE
