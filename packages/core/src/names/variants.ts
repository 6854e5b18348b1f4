/** Equivalence classes of name spellings: every spelling of a class folds to its first member. */

const CLASSES = `
muhammad mohammed mohammad mohamed mohamad muhammed mohd muhamad muhamed mohamud mohummad mahomed mhd muhammet mehmet mohammet mukhammad magomed mohammod muhammadu mouhamed mouhammad mohamet maghomed magomet
ahmad ahmed ahmet akhmed ahmat achmed ahmd
usama osama ousama oussama osamah usamah
hussain husain hussein husein hossein hosein hussayn husayn hosain hoseyn huseyn huseyin husseyn hossain hussin
hasan hassan hassen hasen hacen
hasani hassani
yusuf yousef yousuf yusef youssef yosef josef joseph joe joey jusuf yussuf yousif yusif iosif josip yusof yousaf yusuff yossef
abdallah abdullah abdulla abdalla abdellah abdollah abdula abdoullah abdoulla abdulah
ali aly alee
umar omar omer umer oumar
uthman osman usman othman osmane outhman usmon
abu abou abo
ibrahim ebrahim ibraheem ebrahem brahim ibragim ibrahem ebraheem
mustafa mustapha mostafa moustafa mustafah mostapha moustapha
mahmud mahmoud mahmood makhmud mahmod
khalid khaled khaleed halid khalied
said saeed saied saeid sayeed saiid
sayyid sayed sayid seyed syed sayyed seyyed sied
rahman rehman rahmaan
rahim raheem rehim
karim kareem kerim
hamid hameed hamed
rashid rasheed rashed rachid
majid majeed maged magid madjid
nasir nasser naser nassir nasr
jamal gamal djamal jamel
qasim kasim qassem kassem qasem casim qassim
yahya yahia yehia yahiya yehya
ismail ismael esmail ismayil ismaeel
muhsin mohsin mohsen mohssen
zakariya zakaria zakariyya zakariyah zakariah zakaria
sulayman suleiman sulaiman soliman suleyman sleiman suliman solaiman
yaqub yacoub yakub yaqoob yakoub yaqoub yacub yakoob
ayman aiman
anwar anouar enver anwer
faruq farouk farooq faruk farouq
habib habeeb
jafar jaafar jafaar djafar jaffar
abd abdul abdel abdal abdu abdoul abdol
aziz azeez
nur noor nour
fatima fatma fatemeh fatimah
aisha ayesha aysha aicha aishah
zaynab zainab zeinab
khadija khadijah khadidja
maryam mariam meryem
hafiz hafez
hadi haadi
mahdi mehdi
mujahid mujahed
saddam sadam
tariq tarek tareq tarik
walid waleed
zaid zayd zeid
abbas abas
bashir basheer bachir
shafiq shafik shafeeq
rafiq rafik rafeeq
salah saleh salih
salim saleem selim
sharif shareef cherif
aleksandr alexander aleksander alexandr oleksandr alexandre aleksandar alex sasha
sergei sergey serhiy sergiy serguei
dmitri dmitry dmitriy dmytro
yuri yury yuriy iurii yurii
vladimir volodymyr
andrei andrey andriy andrej
nikolai nikolay mykola nicolai
mikhail mykhailo mikhael
yevgeny evgeny evgeniy yevgeniy evgenii yevgen
alexei aleksei alexey aleksey oleksiy alexej
igor ihor
viktor victor
grigory grigori hryhoriy grigoriy
pavel pavlo
petr pyotr petro
kim gim
lee yi ri rhee rhie
oh o
woo u
park pak bak
choi choe
jong jeong chong jung chung
un eun
song seong sung
yong yeong young
hyon hyeon hyun
chol cheol chul
kwang gwang
myong myeong myung
su soo
byeong pyong byong pyeong
bong pong
hyeok hyok
yeon yon
geum kum
gil kil
dong tong
deok tok
beom pom
cheon chon
gyeong kyong kyeong
seon son
jin chin
zhang chang
xu hsu
zhou chou
yo yeo
daniel dan danny
ronald ron ronnie
gerald jerry gerry
robert rob bob bobby robbie bert
william bill will billy willy
richard rick dick rich ricky richie
james jim jimmy jamie
michael mike mick mickey mikey
thomas tom tommy
john jack johnny jon
charles charlie chuck chas
edward ed eddie ned
anthony tony
christopher chris kit
nicholas nick nicky
samuel sam sammy
steven stephen steve stevie
timothy tim timmy
patrick paddy
kenneth ken kenny
lawrence larry laurence
leonard len lenny
margaret peggy maggie meg
elizabeth liz beth betty eliza lisa
katherine kathy kate catherine kathryn katharine cathy
deborah debbie deb debra
patricia patty trish tricia
susan sue susie suzanne
jennifer jen jenny
rebecca becky
barbara barb
frederick fred freddie
harold hal
henry hank harry
walter walt
raymond ray
donald don donnie
douglas doug
gregory greg
jeffrey jeff geoffrey
matthew matt
andrew andy drew
randall randy
bernard bernie
theodore teddy theo
francis frank frankie
eugene gene
terence terry
phillip philip phil
david dave davey
benjamin benji benny
albert bert
joshua josh
zachary zach zack
jacob jake
nathaniel nate nathan
vincent vince
frances fran
cynthia cindy
pamela pam
victoria vicky
valerie val
yong yeong
qadir kader qader kadir gader qadeer
ghafur ghafour gafur ghafoor
latif lateef
wahab wahhab
sattar satar
majid majeed
`;

const CANONICAL: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const line of CLASSES.split('\n')) {
    const members = line.trim().split(/\s+/).filter(Boolean);
    const head = members[0];
    if (head === undefined) continue;
    for (const w of members) if (!m.has(w)) m.set(w, head);
  }
  return m;
})();

/**
 * The canonical spelling of a normalised name token: Mohammed → muhammad, Hossein → hussain.
 * Unknown tokens return unchanged.
 */
export function canonicalToken(token: string): string {
  return CANONICAL.get(token) ?? token;
}

/** True when the token is a spelling the equivalence classes know (so a differing class means a different name). */
export function isKnownSpelling(token: string): boolean {
  return CANONICAL.has(token);
}

/** True when the two tokens are spellings of one name in the equivalence classes. */
export function sameVariant(a: string, b: string): boolean {
  return canonicalToken(a) === canonicalToken(b);
}
