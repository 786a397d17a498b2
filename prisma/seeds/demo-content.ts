// French demo content: people, organisations, proposals and comments of the demo consultation.
// Every person and organisation is fictional; places are real communes (INSEE codes).
import type {
  ActorType,
  CompetentLevel,
  Lever,
  Role,
} from '../../apps/api/src/generated/prisma/client';
// The role accounts and the consultation slug live in JSON so that tools/start.mjs (plain JS)
// can detect the demo data and print the accounts.
import demoMeta from './demo-meta.json';

export const DEMO_PASSWORD: string = demoMeta.password;

export interface DemoPerson {
  key: string;
  email: string;
  displayName: string;
  role: Role;
  actorType: ActorType;
  /** INSEE code of the person's commune. */
  commune: string;
}

/** One account per role (printed by `npm start` in demo mode), then participants of every collège. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  ...demoMeta.accounts.map((a) => ({
    ...a,
    key: a.role.toLowerCase(),
    role: a.role as Role,
    actorType: a.actorType as ActorType,
  })),
  {
    key: 'lucie',
    email: 'lucie.moreau@demo.passerelle.fr',
    displayName: 'Lucie Moreau',
    role: 'PARTICIPANT',
    actorType: 'ASSOCIATION',
    commune: '44109',
  },
  {
    key: 'thomas',
    email: 'thomas.girard@demo.passerelle.fr',
    displayName: 'Thomas Girard',
    role: 'PARTICIPANT',
    actorType: 'ESS_ENTERPRISE',
    commune: '26113',
  },
  {
    key: 'amina',
    email: 'amina.diallo@demo.passerelle.fr',
    displayName: 'Amina Diallo',
    role: 'PARTICIPANT',
    actorType: 'CITIZEN',
    commune: '93048',
  },
  {
    key: 'pierre',
    email: 'pierre.rousseau@demo.passerelle.fr',
    displayName: 'Pierre Rousseau',
    role: 'PARTICIPANT',
    actorType: 'LOCAL_AUTHORITY',
    commune: '62528',
  },
  {
    key: 'claire',
    email: 'claire.fontaine@demo.passerelle.fr',
    displayName: 'Claire Fontaine',
    role: 'PARTICIPANT',
    actorType: 'UNIVERSITY',
    commune: '31555',
  },
  {
    key: 'yann',
    email: 'yann.legall@demo.passerelle.fr',
    displayName: 'Yann Le Gall',
    role: 'PARTICIPANT',
    actorType: 'SME',
    commune: '29019',
  },
  {
    key: 'maite',
    email: 'maite.etcheverry@demo.passerelle.fr',
    displayName: 'Maïté Etcheverry',
    role: 'PARTICIPANT',
    actorType: 'ESS_ENTERPRISE',
    commune: '64102',
  },
  {
    key: 'karim',
    email: 'karim.haddad@demo.passerelle.fr',
    displayName: 'Karim Haddad',
    role: 'PARTICIPANT',
    actorType: 'PTCE',
    commune: '26281',
  },
  {
    key: 'elise',
    email: 'elise.bernard@demo.passerelle.fr',
    displayName: 'Élise Bernard',
    role: 'PARTICIPANT',
    actorType: 'LOCAL_AUTHORITY',
    commune: '25056',
  },
  {
    key: 'marc',
    email: 'marc.schmitt@demo.passerelle.fr',
    displayName: 'Marc Schmitt',
    role: 'PARTICIPANT',
    actorType: 'SME',
    commune: '67482',
  },
  {
    key: 'ines',
    email: 'ines.roche@demo.passerelle.fr',
    displayName: 'Inès Roche',
    role: 'PARTICIPANT',
    actorType: 'CITIZEN',
    commune: '13055',
  },
  {
    key: 'hugo',
    email: 'hugo.perrin@demo.passerelle.fr',
    displayName: 'Hugo Perrin',
    role: 'PARTICIPANT',
    actorType: 'ASSOCIATION',
    commune: '63113',
  },
  {
    key: 'jeanne',
    email: 'jeanne.leroy@demo.passerelle.fr',
    displayName: 'Jeanne Leroy',
    role: 'PARTICIPANT',
    actorType: 'CITIZEN',
    commune: '59350',
  },
];

export interface DemoOrganisation {
  key: string;
  name: string;
  actorType: ActorType;
  /** 14 digits with a valid Luhn key (fictional establishments). */
  siret: string;
  commune: string;
  managers: string[];
  members: string[];
}

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    key: 'cantines',
    name: 'Association Cantines en transition',
    actorType: 'ASSOCIATION',
    siret: '81234567600017',
    commune: '44109',
    managers: ['lucie'],
    members: ['participant', 'ines'],
  },
  {
    key: 'charpentiers',
    name: 'SCOP Les Charpentiers du Diois',
    actorType: 'ESS_ENTERPRISE',
    siret: '79845612500011',
    commune: '26113',
    managers: ['thomas'],
    members: [],
  },
  {
    key: 'soleil',
    name: 'SCIC Soleil du Labourd',
    actorType: 'ESS_ENTERPRISE',
    siret: '88311024900017',
    commune: '64102',
    managers: ['maite'],
    members: ['pierre'],
  },
  {
    key: 'ptce',
    name: 'PTCE Drôme Coopérative',
    actorType: 'PTCE',
    siret: '90217735100019',
    commune: '26281',
    managers: ['karim'],
    members: ['thomas', 'claire'],
  },
];

export const DEMO_CONSULTATION = {
  slug: demoMeta.consultationSlug,
  title: 'Transition écologique et démocratie économique : ce qui marche dans nos territoires',
  description: [
    'Associations, coopératives, PME, collectivités, universités et pôles territoriaux de coopération économique expérimentent partout en France des solutions concrètes à la crise écologique et démocratique.',
    '',
    'Cette consultation recueille vos propositions, issues de ces expériences de terrain, pour les porter jusqu’aux décideurs nationaux. Décrivez ce qui a été tenté, ce que cela a changé, et ce qu’il faudrait modifier (loi, budget, commande publique, fiscalité…) pour le généraliser.',
    '',
    'Les propositions les plus soutenues, dans tous les collèges, seront reprises dans une contribution nationale publiée à l’issue de la consultation.',
  ].join('\n'),
} as const;

export interface DemoProposal {
  key: string;
  title: string;
  summary: string;
  /** The situation on the ground (Markdown paragraph). */
  constat: string;
  /** What is proposed, one bullet each. */
  propositions: string[];
  /** How to get there (Markdown paragraph). */
  miseEnOeuvre: string;
  experiment?: string;
  measuredImpact?: string;
  themes: string[];
  commune: string;
  competentLevel: CompetentLevel;
  lever: Lever;
  author: string;
  organisation?: string;
  /** Share of FOR and AGAINST among the demo votes (the rest is NEUTRAL). */
  support: [number, number];
}

export const DEMO_PROPOSALS: readonly DemoProposal[] = [
  {
    key: 'cantines-bio-en-regie',
    title: 'Des cantines bio et locales grâce à une régie agricole communale',
    summary:
      'Permettre à chaque commune volontaire de produire elle-même une partie des légumes de ses cantines, sur des terres publiques, avec des agriculteurs salariés.',
    constat:
      'Les objectifs de la loi EGalim pour la restauration collective restent difficiles à atteindre pour beaucoup de communes : l’offre bio locale manque, et les marchés publics favorisent les grossistes. Quelques communes ont pris le problème à la racine en cultivant elles-mêmes.',
    propositions: [
      'Créer un fonds d’amorçage national pour l’achat de foncier agricole et l’installation de régies maraîchères communales ou intercommunales.',
      'Autoriser explicitement la mise à disposition de terres publiques à des agriculteurs salariés de la collectivité ou d’une SCIC.',
      'Accompagner la formation des équipes de cuisine au « fait maison » et à la cuisine des légumineuses.',
    ],
    miseEnOeuvre:
      'Un appel à projets sur trois ans, ouvert en priorité aux communes rurales, avec un suivi commun des coûts par repas et de la part de produits bio.',
    experiment:
      'À Mouans-Sartoux, une régie agricole municipale fournit une grande partie des légumes servis dans les cantines scolaires, entièrement bio depuis 2012.',
    measuredImpact:
      'Le coût par repas est resté stable grâce à la réduction du gaspillage, et les familles déclarent avoir changé leurs habitudes alimentaires.',
    themes: ['transition-ecologique', 'cooperation-territoriale'],
    commune: '06084',
    competentLevel: 'COMMUNE',
    lever: 'BUDGET',
    author: 'lucie',
    organisation: 'cantines',
    support: [0.85, 0.05],
  },
  {
    key: 'scic-energie-par-intercommunalite',
    title: 'Une société coopérative d’énergie citoyenne dans chaque intercommunalité',
    summary:
      'Appuyer la création de SCIC d’énergie renouvelable réunissant habitants, collectivités et entreprises locales, pour que la production d’énergie profite au territoire.',
    constat:
      'Les parcs solaires et éoliens sont encore majoritairement détenus par des investisseurs extérieurs au territoire. Les habitants subissent les projets au lieu de les porter, ce qui nourrit les oppositions.',
    propositions: [
      'Donner à chaque intercommunalité une mission d’accompagnement à la création d’une coopérative d’énergie citoyenne.',
      'Permettre aux collectivités d’entrer au capital de ces SCIC jusqu’à 50 %, sans procédure de mise en concurrence préalable.',
      'Réserver une part des appels d’offres de la Commission de régulation de l’énergie aux projets à gouvernance locale.',
    ],
    miseEnOeuvre:
      'Un réseau d’animateurs régionaux, financé pour cinq ans, aiderait les porteurs de projets à structurer leur gouvernance et leur plan de financement.',
    experiment:
      'Notre SCIC installe des centrales solaires sur des toitures d’écoles et de hangars agricoles, financées par l’épargne de plusieurs centaines de sociétaires du Labourd.',
    measuredImpact:
      'Chaque euro investi localement reste sur le territoire : les dividendes modérés et les loyers de toiture reviennent aux habitants et aux communes.',
    themes: ['energie-citoyenne', 'cooperation-territoriale'],
    commune: '64102',
    competentLevel: 'EPCI',
    lever: 'REGULATION',
    author: 'maite',
    organisation: 'soleil',
    support: [0.8, 0.07],
  },
  {
    key: 'monnaie-locale-services-publics',
    title: 'Payer les services publics locaux en monnaie locale complémentaire',
    summary:
      'Autoriser les collectivités à accepter et à verser des monnaies locales complémentaires pour la piscine, la médiathèque ou les subventions aux associations.',
    constat:
      'Reconnues par la loi ESS de 2014, les monnaies locales complémentaires restent cantonnées aux commerces militants, faute de débouchés. Les collectivités, premier acteur économique local, ne peuvent que rarement les utiliser.',
    propositions: [
      'Clarifier le cadre comptable permettant aux régies de recettes d’encaisser une monnaie locale.',
      'Permettre le versement d’une partie des subventions associatives en monnaie locale, avec l’accord du bénéficiaire.',
      'Former les trésoreries publiques à ces nouveaux circuits.',
    ],
    miseEnOeuvre:
      'Une circulaire interministérielle et une expérimentation dans une dizaine de territoires pendant deux ans.',
    experiment:
      'Au Pays basque, l’eusko est accepté par de nombreux commerces et entreprises, et la communauté d’agglomération l’utilise pour certains paiements.',
    measuredImpact:
      'Les achats réalisés en monnaie locale restent dans l’économie du territoire et orientent la consommation vers des producteurs de proximité.',
    themes: ['democratie-economique', 'cooperation-territoriale'],
    commune: '64102',
    competentLevel: 'STATE',
    lever: 'REGULATION',
    author: 'ines',
    support: [0.62, 0.18],
  },
  {
    key: 'spaser-obligatoire',
    title:
      'Des achats publics responsables dans toutes les collectivités de plus de 20 000 habitants',
    summary:
      'Abaisser le seuil du schéma de promotion des achats socialement et écologiquement responsables (SPASER) et en faire un vrai outil de pilotage, publié et évalué chaque année.',
    constat:
      'La commande publique représente environ un dixième du PIB. Le SPASER n’est obligatoire qu’au-delà d’un montant annuel d’achats élevé, et beaucoup de schémas existants ne sont ni suivis ni évalués.',
    propositions: [
      'Rendre le SPASER obligatoire pour les collectivités de plus de 20 000 habitants.',
      'Imposer un rapport annuel public sur la part des marchés comportant une clause sociale ou environnementale.',
      'Mutualiser des facilitateurs de clauses sociales à l’échelle départementale.',
    ],
    miseEnOeuvre:
      'Modification du code de la commande publique, accompagnée d’un guide et d’indicateurs communs pour comparer les collectivités.',
    experiment:
      'La métropole lilloise a intégré des clauses d’insertion dans ses grands marchés de travaux, suivies par une équipe de facilitateurs.',
    measuredImpact:
      'Des milliers d’heures d’insertion réalisées chaque année par des personnes éloignées de l’emploi, sur des chantiers qui auraient eu lieu de toute façon.',
    themes: ['democratie-economique', 'transition-ecologique'],
    commune: '59350',
    competentLevel: 'STATE',
    lever: 'PUBLIC_PROCUREMENT',
    author: 'jeanne',
    support: [0.7, 0.1],
  },
  {
    key: 'territoires-zero-chomeur',
    title: 'Pérenniser et étendre les Territoires zéro chômeur de longue durée',
    summary:
      'Transformer l’expérimentation Territoires zéro chômeur de longue durée en droit durable, ouvert à tout territoire volontaire qui remplit le cahier des charges.',
    constat:
      'Le chômage de longue durée coûte cher à la collectivité, en allocations comme en santé et en isolement. Or de nombreux besoins utiles restent sans réponse : réemploi, services aux personnes âgées, entretien des espaces naturels.',
    propositions: [
      'Sortir du mode expérimental et ouvrir le dispositif à tout territoire prêt à créer une entreprise à but d’emploi.',
      'Garantir un financement pluriannuel de la contribution au développement de l’emploi.',
      'Associer systématiquement les personnes privées d’emploi au comité local.',
    ],
    miseEnOeuvre:
      'Une loi de généralisation, avec une montée en charge progressive et une évaluation indépendante tous les trois ans.',
    experiment:
      'Les entreprises à but d’emploi créées depuis 2017 ont embauché en CDI des personnes au chômage depuis plusieurs années, sur des activités choisies avec le territoire.',
    measuredImpact:
      'Les évaluations montrent un retour à la stabilité pour les salariés et de nouveaux services locaux, pour un coût net inférieur à celui du chômage.',
    themes: ['nouvelles-formes-d-emploi', 'cooperation-territoriale'],
    commune: '63430',
    competentLevel: 'STATE',
    lever: 'LAW',
    author: 'hugo',
    support: [0.78, 0.08],
  },
  {
    key: 'entrepreneurs-salaries-cae',
    title:
      'Faire connaître et sécuriser le statut d’entrepreneur-salarié en coopérative d’activité et d’emploi',
    summary:
      'Les coopératives d’activité et d’emploi offrent aux indépendants un salaire, une protection sociale et un collectif. Il faut lever les freins qui limitent leur développement.',
    constat:
      'Beaucoup de nouveaux indépendants choisissent la micro-entreprise par défaut, sans chômage ni accompagnement. Le statut d’entrepreneur-salarié associé, créé en 2014, reste méconnu des conseillers à l’emploi et des banques.',
    propositions: [
      'Présenter systématiquement les CAE dans les parcours de création d’entreprise de France Travail.',
      'Ouvrir les aides à la création d’entreprise aux entrepreneurs-salariés au même titre qu’aux indépendants.',
      'Simplifier le calcul des cotisations pour les activités à revenus irréguliers.',
    ],
    miseEnOeuvre:
      'Une instruction nationale aux réseaux d’accompagnement et un décret sur l’accès aux aides à la création.',
    experiment:
      'À Toulouse, plusieurs CAE accompagnent des graphistes, artisans, formateurs ou maraîchers qui mutualisent comptabilité, assurance et formation.',
    measuredImpact:
      'Les entrepreneurs accompagnés déclarent une meilleure sécurité de revenu et une activité plus durable que lorsqu’ils étaient seuls.',
    themes: ['nouvelles-formes-d-emploi', 'democratie-economique'],
    commune: '31555',
    competentLevel: 'STATE',
    lever: 'REGULATION',
    author: 'claire',
    support: [0.72, 0.06],
  },
  {
    key: 'reprise-en-scop',
    title: 'Faciliter la reprise des PME par leurs salariés sous forme de SCOP',
    summary:
      'Des milliers de PME saines ferment faute de repreneur. Un droit de préférence et un financement adapté permettraient aux salariés de les reprendre en coopérative.',
    constat:
      'Le vieillissement des dirigeants de PME menace des emplois industriels et artisanaux dans les villes moyennes. Les salariés connaissent l’entreprise mais manquent de temps et de fonds propres pour la reprendre.',
    propositions: [
      'Allonger le délai d’information préalable des salariés en cas de cession, et l’assortir d’un accompagnement gratuit.',
      'Créer un prêt d’honneur coopératif garanti par l’État pour les salariés repreneurs.',
      'Étendre le dispositif de SCOP d’amorçage, qui permet aux salariés de devenir majoritaires progressivement.',
    ],
    miseEnOeuvre:
      'Une modification du code de commerce et une enveloppe dédiée auprès de Bpifrance et des unions régionales des SCOP.',
    experiment:
      'Dans le Finistère, une entreprise de menuiserie de vingt salariés a été reprise en SCOP au départ en retraite de son fondateur.',
    measuredImpact:
      'Tous les emplois ont été conservés et deux apprentis ont été recrutés dans les trois ans qui ont suivi la reprise.',
    themes: ['democratie-economique', 'nouvelles-formes-d-emploi'],
    commune: '29019',
    competentLevel: 'STATE',
    lever: 'LAW',
    author: 'yann',
    support: [0.74, 0.1],
  },
  {
    key: 'fonds-regional-reprise-cooperative',
    title: 'Un fonds régional de garantie pour les reprises d’entreprises en coopérative',
    summary:
      'Les banques hésitent à financer des repreneurs salariés sans apport. Un fonds régional de garantie réduirait leur risque et accélérerait les reprises.',
    constat:
      'Les projets de reprise par les salariés échouent souvent au stade du financement bancaire, alors que leur taux de survie est élevé.',
    propositions: [
      'Créer dans chaque région un fonds de garantie couvrant jusqu’à 70 % des prêts aux salariés repreneurs.',
      'Associer les acteurs de la finance solidaire à son comité d’engagement.',
    ],
    miseEnOeuvre:
      'Une dotation régionale abondée par les fonds européens, gérée par un établissement de finance solidaire.',
    themes: ['democratie-economique'],
    commune: '21231',
    competentLevel: 'REGION',
    lever: 'BUDGET',
    author: 'elise',
    support: [0.6, 0.1],
  },
  {
    key: 'autoconsommation-collective-hlm',
    title: 'Ouvrir l’autoconsommation collective solaire aux locataires de logements sociaux',
    summary:
      'Les panneaux installés sur les toits des immeubles sociaux devraient d’abord alléger la facture des locataires, grâce à des opérations d’autoconsommation collective simplifiées.',
    constat:
      'Les ménages modestes sont les premiers touchés par la hausse des prix de l’énergie, mais les derniers à bénéficier des énergies renouvelables. Les opérations d’autoconsommation collective restent complexes à monter pour un bailleur.',
    propositions: [
      'Élargir le périmètre géographique des opérations d’autoconsommation collective dans les quartiers prioritaires.',
      'Créer un modèle de convention type entre bailleurs, locataires et coopératives d’énergie.',
      'Exonérer de certaines taxes l’électricité autoconsommée par les locataires.',
    ],
    miseEnOeuvre:
      'Un arrêté élargissant le périmètre, et un programme d’accompagnement des bailleurs sociaux piloté avec leurs fédérations.',
    experiment:
      'À Montreuil, une association de locataires a obtenu l’installation de panneaux sur un immeuble, dont la production alimente les parties communes.',
    measuredImpact:
      'Les charges communes d’électricité ont baissé de manière visible dès la première année.',
    themes: ['energie-citoyenne', 'efficacite-energetique'],
    commune: '93048',
    competentLevel: 'STATE',
    lever: 'REGULATION',
    author: 'amina',
    support: [0.8, 0.04],
  },
  {
    key: 'toits-publics-cooperatives-solaires',
    title:
      'Mettre les toits des bâtiments publics à disposition des coopératives solaires citoyennes',
    summary:
      'Écoles, gymnases et ateliers municipaux offrent des surfaces idéales pour des centrales solaires financées et gouvernées par les habitants.',
    constat:
      'Les toitures publiques sont souvent louées à des opérateurs privés, ou restent inutilisées faute d’ingénierie. Les coopératives citoyennes peinent à accéder à ces surfaces.',
    propositions: [
      'Inventorier et publier les toitures publiques adaptées au solaire.',
      'Permettre leur mise à disposition prioritaire à des projets à gouvernance citoyenne.',
      'Réinvestir une partie des loyers dans la rénovation des bâtiments concernés.',
    ],
    miseEnOeuvre:
      'Une délibération type et un cahier des charges partagé entre communes, élaboré avec les réseaux de l’énergie citoyenne.',
    experiment:
      'À Grenoble, une coopérative citoyenne a équipé plusieurs bâtiments communaux avec l’épargne de centaines d’habitants.',
    measuredImpact:
      'La production couvre une part significative de la consommation des bâtiments équipés, et les sociétaires participent aux assemblées générales.',
    themes: ['energie-citoyenne'],
    commune: '38185',
    competentLevel: 'COMMUNE',
    lever: 'VOLUNTARY_COMMITMENT',
    author: 'elise',
    support: [0.82, 0.04],
  },
  {
    key: 'guichet-renovation-tiers-financement',
    title: 'Un guichet unique de rénovation énergétique avec tiers-financement',
    summary:
      'Accompagner les ménages de A à Z, du diagnostic à la fin des travaux, et avancer le coût des travaux remboursé par les économies d’énergie.',
    constat:
      'Les aides à la rénovation sont nombreuses mais éparpillées. Les ménages modestes renoncent devant la complexité et le reste à charge, et les rénovations réalisées sont souvent partielles.',
    propositions: [
      'Confier à chaque région une société de tiers-financement qui avance le coût des rénovations globales.',
      'Regrouper dans un guichet unique l’information, le diagnostic, le choix des artisans et le suivi de chantier.',
      'Conditionner les aides à des rénovations globales plutôt qu’à des gestes isolés.',
    ],
    miseEnOeuvre:
      'Un cadre national pour les sociétés de tiers-financement, et une convention entre régions, intercommunalités et fédérations d’artisans.',
    experiment:
      'Plusieurs régions ont créé des sociétés de tiers-financement qui financent des rénovations de copropriétés et de maisons individuelles.',
    measuredImpact:
      'Les rénovations accompagnées atteignent des gains énergétiques bien supérieurs à ceux des travaux réalisés sans accompagnement.',
    themes: ['efficacite-energetique'],
    commune: '25056',
    competentLevel: 'REGION',
    lever: 'BUDGET',
    author: 'elise',
    support: [0.76, 0.06],
  },
  {
    key: 'passoires-thermiques-menages-modestes',
    title: 'Sortir les ménages modestes des passoires thermiques en cinq ans',
    summary:
      'Cibler en priorité les logements les plus énergivores occupés par des ménages modestes, avec un accompagnement social et une prise en charge quasi totale des travaux.',
    constat:
      'Des centaines de milliers de ménages vivent dans des logements mal isolés, avec des factures qui grèvent leur budget et des conséquences sur la santé.',
    propositions: [
      'Repérer les ménages concernés grâce aux travailleurs sociaux et aux fournisseurs d’énergie.',
      'Financer jusqu’à 90 % des travaux pour les ménages très modestes.',
      'Former des « ambassadeurs de l’efficacité énergétique » issus des quartiers concernés.',
    ],
    miseEnOeuvre:
      'Un programme départemental associant fonds de solidarité logement, caisses d’allocations familiales et structures d’insertion du bâtiment.',
    experiment:
      'À Roubaix, une régie de quartier forme des habitants au repérage de la précarité énergétique et aux petits travaux d’économie d’énergie.',
    measuredImpact:
      'Les foyers visités ont réduit leur consommation grâce à de petits équipements et à des conseils adaptés, avant même les gros travaux.',
    themes: ['efficacite-energetique', 'transition-ecologique'],
    commune: '59512',
    competentLevel: 'DEPARTEMENT',
    lever: 'BUDGET',
    author: 'jeanne',
    support: [0.84, 0.03],
  },
  {
    key: 'legumerie-cooperative',
    title:
      'Une légumerie coopérative pour approvisionner la restauration collective en produits locaux',
    summary:
      'Éplucher, laver et découper les légumes des producteurs voisins pour les rendre utilisables par les cantines et les hôpitaux du territoire.',
    constat:
      'Les cuisines collectives n’ont plus les équipes pour préparer des légumes bruts. Elles achètent donc des produits transformés venus de loin, même quand des maraîchers sont installés à quelques kilomètres.',
    propositions: [
      'Financer des légumeries sous forme de SCIC réunissant producteurs, collectivités et établissements acheteurs.',
      'Intégrer ces outils aux projets alimentaires territoriaux.',
      'Adapter les marchés publics pour permettre des contrats pluriannuels avec les producteurs.',
    ],
    miseEnOeuvre:
      'Un volet « outils de transformation » dans les projets alimentaires territoriaux, cofinancé par l’État et les régions.',
    experiment:
      'Notre association a réuni maraîchers et gestionnaires de cantines du Puy-de-Dôme autour d’un projet de légumerie partagée.',
    measuredImpact:
      'Les premiers essais ont montré qu’une légumerie permet de doubler la part de légumes locaux dans les menus sans hausse du coût matière.',
    themes: ['transition-ecologique', 'cooperation-territoriale'],
    commune: '63113',
    competentLevel: 'EPCI',
    lever: 'BUDGET',
    author: 'hugo',
    support: [0.8, 0.05],
  },
  {
    key: 'financement-ptce',
    title: 'Financer durablement les fonctions de coopération des PTCE',
    summary:
      'Les pôles territoriaux de coopération économique créent des emplois et des activités, mais leur animation repose sur des appels à projets de courte durée. Il faut un financement pluriannuel.',
    constat:
      'Reconnus par la loi ESS de 2014, les PTCE réunissent entreprises, collectivités, associations et universités autour de projets communs. Leur fonction d’animation, invisible mais décisive, est rarement financée plus de deux ans.',
    propositions: [
      'Créer une ligne budgétaire pluriannuelle dédiée à l’animation des PTCE, sur cinq ans.',
      'Reconnaître la coopération comme une dépense éligible dans les programmes européens régionaux.',
      'Mettre en place une évaluation commune de l’impact des PTCE, construite avec eux.',
    ],
    miseEnOeuvre:
      'Un programme national cofinancé par l’État et les régions, avec des conventions de cinq ans signées avec chaque pôle.',
    experiment:
      'Dans la Drôme, notre pôle fait coopérer une SCOP de charpente, des agriculteurs, une université et l’agglomération autour de la filière bois et de l’alimentation.',
    measuredImpact:
      'Une dizaine d’activités nouvelles ont été lancées en cinq ans, dont un atelier partagé et une plateforme logistique mutualisée.',
    themes: ['cooperation-territoriale', 'democratie-economique'],
    commune: '26281',
    competentLevel: 'STATE',
    lever: 'BUDGET',
    author: 'karim',
    organisation: 'ptce',
    support: [0.7, 0.07],
  },
  {
    key: 'quotas-reemploi-achats-publics',
    title: 'Une part minimale de biens de réemploi dans les achats publics',
    summary:
      'Mobilier, informatique, textiles : imposer qu’une part des achats publics provienne du réemploi, en priorité auprès des ressourceries et des structures d’insertion.',
    constat:
      'Les ressourceries collectent des objets en bon état mais peinent à trouver des débouchés stables. Les administrations achètent du neuf par habitude, même quand une offre de réemploi existe.',
    propositions: [
      'Relever et contrôler la part minimale d’achats issus du réemploi pour les acheteurs publics.',
      'Créer un catalogue régional des offres de réemploi accessible aux acheteurs.',
      'Réserver certains lots aux structures d’insertion par l’activité économique.',
    ],
    miseEnOeuvre:
      'Un décret précisant les catégories de produits concernés et un suivi annuel publié par chaque acheteur.',
    experiment:
      'À Marseille, une ressourcerie fournit du mobilier reconditionné à des écoles et à des services municipaux.',
    measuredImpact:
      'Plusieurs tonnes d’objets évitent chaque année l’enfouissement, et une quinzaine de salariés en insertion sont formés à la réparation.',
    themes: ['transition-ecologique', 'economie-collaborative'],
    commune: '13055',
    competentLevel: 'STATE',
    lever: 'PUBLIC_PROCUREMENT',
    author: 'ines',
    support: [0.75, 0.06],
  },
  {
    key: 'livraison-velo-cooperative',
    title: 'Soutenir les coopératives de livreurs à vélo plutôt que les plateformes',
    summary:
      'Les coursiers peuvent s’organiser en coopératives où ils sont salariés et décident ensemble. Les villes peuvent les aider par la commande publique et l’accès à la logistique urbaine.',
    constat:
      'La livraison à vélo s’est développée avec des plateformes qui emploient des indépendants sans protection. Des coopératives de coursiers existent, avec des logiciels libres partagés, mais manquent de volume.',
    propositions: [
      'Intégrer des critères de conditions d’emploi dans les marchés de livraison et de logistique urbaine.',
      'Réserver des espaces de logistique urbaine à prix modéré aux coopératives de livraison.',
      'Favoriser l’usage des outils numériques coopératifs par les commerçants locaux.',
    ],
    miseEnOeuvre:
      'Une charte métropolitaine de la livraison responsable, signée par les commerçants, les coopératives et la collectivité.',
    experiment:
      'À Lyon, une coopérative de coursiers livre commerces et associations avec des vélos cargos, en s’appuyant sur un logiciel coopératif partagé entre villes.',
    measuredImpact:
      'Les coursiers sont salariés, et les livraisons remplacent des trajets en camionnette dans le centre-ville.',
    themes: ['economie-collaborative', 'nouvelles-formes-d-emploi'],
    commune: '69123',
    competentLevel: 'COMMUNE',
    lever: 'PUBLIC_PROCUREMENT',
    author: 'participant',
    support: [0.66, 0.12],
  },
  {
    key: 'budget-participatif-climat',
    title: 'Consacrer un budget participatif à la transition écologique dans chaque grande ville',
    summary:
      'Permettre aux habitants de proposer et de choisir chaque année des projets d’adaptation au changement climatique, financés sur le budget d’investissement.',
    constat:
      'Les budgets participatifs mobilisent des habitants qui ne viennent jamais aux réunions publiques. Ils sont souvent limités à de petits projets d’embellissement, alors que l’adaptation climatique demande des moyens.',
    propositions: [
      'Réserver au moins 5 % du budget d’investissement des villes de plus de 50 000 habitants à un budget participatif climat.',
      'Accompagner les habitants dans la conception technique des projets.',
      'Publier chaque année le suivi de réalisation des projets votés.',
    ],
    miseEnOeuvre:
      'Un engagement volontaire des villes, soutenu par une bonification des dotations de l’État pour celles qui le mettent en œuvre.',
    experiment:
      'Le budget participatif parisien a financé des végétalisations de cours d’école, des jardins partagés et des pistes cyclables proposés par les habitants.',
    measuredImpact:
      'Des dizaines de milliers d’habitants votent chaque année, et de nombreux projets retenus concernent directement la végétalisation et les mobilités.',
    themes: ['democratie-et-citoyennete', 'transition-ecologique'],
    commune: '75056',
    competentLevel: 'COMMUNE',
    lever: 'BUDGET',
    author: 'amina',
    support: [0.68, 0.12],
  },
  {
    key: 'conventions-citoyennes-locales',
    title: 'Des conventions citoyennes locales tirées au sort sur les grands projets',
    summary:
      'Avant tout investissement structurant, réunir un panel d’habitants tirés au sort, informés par des experts, dont l’avis serait rendu public et suivi d’une réponse motivée des élus.',
    constat:
      'Les concertations réglementaires attirent surtout les habitants déjà mobilisés. Les grands projets suscitent ensuite des conflits qui auraient pu être anticipés.',
    propositions: [
      'Créer un droit pour les communes et intercommunalités de réunir une convention citoyenne locale, avec un cadre méthodologique national.',
      'Obliger l’exécutif local à répondre publiquement à chaque recommandation.',
      'Indemniser les participants pour ouvrir la démarche à tous.',
    ],
    miseEnOeuvre:
      'Une expérimentation sur trois ans dans des communes de toutes tailles, évaluée par des chercheurs.',
    experiment:
      'À Saillans, les habitants participent depuis 2014 aux décisions municipales au sein de commissions participatives et de groupes projets.',
    measuredImpact:
      'La participation aux décisions locales s’est nettement élargie, et la démarche a inspiré d’autres communes.',
    themes: ['democratie-et-citoyennete'],
    commune: '26289',
    competentLevel: 'COMMUNE',
    lever: 'EXPERIMENTATION',
    author: 'karim',
    support: [0.64, 0.14],
  },
  {
    key: 'usagers-gouvernance-regies',
    title:
      'Donner une place aux usagers et aux salariés dans la gouvernance des services publics locaux',
    summary:
      'Eau, énergie, déchets : les régies publiques devraient associer usagers et salariés à leur conseil d’administration, avec un droit de vote.',
    constat:
      'Les services publics locaux sont gérés loin des usagers, qui ne découvrent les décisions qu’au moment de la facture.',
    propositions: [
      'Réserver des sièges avec voix délibérative aux représentants des usagers et des salariés dans les régies.',
      'Créer un observatoire citoyen du service, avec accès aux données de gestion.',
    ],
    miseEnOeuvre:
      'Une modification du code général des collectivités territoriales sur la composition des conseils d’administration des régies.',
    experiment:
      'La régie de l’eau de Grenoble associe des représentants des usagers et des associations à son conseil d’administration.',
    measuredImpact:
      'Les choix tarifaires et d’investissement sont discutés en amont avec les usagers, ce qui renforce la confiance dans le service.',
    themes: ['democratie-economique', 'democratie-et-citoyennete'],
    commune: '38185',
    competentLevel: 'STATE',
    lever: 'LAW',
    author: 'claire',
    support: [0.62, 0.13],
  },
  {
    key: 'consigne-verre-regionale',
    title: 'Relancer la consigne pour réemploi des bouteilles en verre à l’échelle régionale',
    summary:
      'Laver et réutiliser les bouteilles plutôt que de les refondre : une filière régionale de consigne, portée par les brasseurs, viticulteurs et distributeurs.',
    constat:
      'Refondre le verre consomme beaucoup d’énergie. Le réemploi, encore courant en Alsace il y a quelques décennies, a presque disparu faute de bouteilles standard et de centres de lavage.',
    propositions: [
      'Financer des centres de lavage mutualisés entre producteurs d’une même région.',
      'Adopter des modèles de bouteilles standard partagés par les producteurs.',
      'Encourager la grande distribution à reprendre les contenants consignés.',
    ],
    miseEnOeuvre:
      'Un engagement volontaire des filières, soutenu par la région et par l’éco-organisme des emballages.',
    experiment:
      'Des brasseries alsaciennes ont maintenu ou relancé la consigne de leurs bouteilles avec des distributeurs locaux.',
    measuredImpact:
      'Une bouteille réemployée plusieurs fois évite l’essentiel de l’énergie nécessaire à en produire une neuve.',
    themes: ['transition-ecologique', 'cooperation-territoriale'],
    commune: '67482',
    competentLevel: 'REGION',
    lever: 'VOLUNTARY_COMMITMENT',
    author: 'marc',
    support: [0.79, 0.05],
  },
  {
    key: 'groupements-employeurs-ruraux',
    title:
      'Des groupements d’employeurs pour partager des emplois entre TPE et associations rurales',
    summary:
      'Une comptable, un technicien ou une chargée de communication à temps plein, partagés entre plusieurs petites structures qui ne pourraient pas les embaucher seules.',
    constat:
      'En zone rurale, les petites entreprises et associations ont des besoins à temps partiel, tandis que les candidats cherchent des emplois stables. Le groupement d’employeurs répond aux deux, mais reste peu utilisé.',
    propositions: [
      'Financer pendant deux ans l’ingénierie de création de groupements d’employeurs multisectoriels.',
      'Ouvrir les aides à l’embauche aux groupements au même titre qu’aux entreprises.',
    ],
    miseEnOeuvre:
      'Une expérimentation départementale portée avec les chambres consulaires et les têtes de réseau associatives.',
    experiment:
      'Dans le Cantal, un groupement d’employeurs réunit une fromagerie, deux associations culturelles et un camping autour d’emplois partagés.',
    measuredImpact:
      'Des emplois à temps plein ont été créés là où chaque structure n’aurait pu proposer que quelques heures par semaine.',
    themes: ['nouvelles-formes-d-emploi', 'cooperation-territoriale'],
    commune: '15014',
    competentLevel: 'DEPARTEMENT',
    lever: 'EXPERIMENTATION',
    author: 'yann',
    support: [0.7, 0.05],
  },
  {
    key: 'cooperatives-jeunesse-services',
    title: 'Une coopérative jeunesse de services dans chaque quartier prioritaire',
    summary:
      'Pendant l’été, des adolescents créent et gèrent leur propre coopérative de services. Une première expérience concrète de l’entreprise et de la démocratie.',
    constat:
      'Les jeunes des quartiers prioritaires accèdent difficilement à une première expérience professionnelle. L’éducation à l’entrepreneuriat ignore presque toujours le modèle coopératif.',
    propositions: [
      'Financer une coopérative jeunesse de services par quartier prioritaire volontaire.',
      'Mobiliser les entreprises de l’ESS du territoire comme parrains.',
      'Valoriser l’expérience dans les parcours scolaires et d’orientation.',
    ],
    miseEnOeuvre:
      'Un appel à projets annuel de la politique de la ville, coordonné avec les coopératives d’activité et d’emploi.',
    experiment:
      'À Rennes, des coopératives jeunesse de services ont proposé chaque été des services de jardinage, de nettoyage et d’aide aux commerçants.',
    measuredImpact:
      'Les jeunes participants décrivent un gain de confiance et une meilleure connaissance du monde du travail.',
    themes: ['nouvelles-formes-d-emploi', 'democratie-economique'],
    commune: '35238',
    competentLevel: 'COMMUNE',
    lever: 'BUDGET',
    author: 'lucie',
    support: [0.76, 0.04],
  },
  {
    key: 'epargne-salariale-territoriale',
    title: 'Flécher l’épargne salariale solidaire vers les entreprises du territoire',
    summary:
      'Les fonds d’épargne salariale solidaire investissent une part de leur encours dans l’ESS. Les salariés devraient pouvoir choisir des fonds qui financent leur propre région.',
    constat:
      'L’épargne salariale solidaire a beaucoup progressé, mais les salariés ne savent pas où va leur argent, et les projets locaux de l’ESS manquent de fonds propres.',
    propositions: [
      'Créer des fonds d’épargne salariale solidaire régionaux, proposés dans tous les plans d’épargne d’entreprise.',
      'Informer chaque année les épargnants des projets financés près de chez eux.',
      'Accorder un avantage fiscal supplémentaire à la part investie localement.',
    ],
    miseEnOeuvre:
      'Une adaptation du label des fonds solidaires et une mesure fiscale en loi de finances.',
    measuredImpact:
      'Les fonds solidaires existants financent déjà logement très social, insertion et énergies renouvelables ; un fléchage territorial rendrait cet impact visible.',
    themes: ['democratie-economique', 'cooperation-territoriale'],
    commune: '69123',
    competentLevel: 'STATE',
    lever: 'TAX',
    author: 'participant',
    support: [0.58, 0.14],
  },
  {
    key: 'reduction-impot-cooperatives-energie',
    title:
      'Une réduction d’impôt pour les habitants qui investissent dans les coopératives d’énergie locales',
    summary:
      'Encourager l’épargne de proximité dans les projets d’énergie renouvelable à gouvernance citoyenne, comme on soutient l’investissement dans les PME.',
    constat:
      'Les projets citoyens d’énergie collectent l’épargne des habitants avec des rendements modestes, face à des produits financiers plus rémunérateurs et mieux connus.',
    propositions: [
      'Ouvrir la réduction d’impôt pour souscription au capital des PME aux coopératives d’énergie renouvelable à gouvernance locale.',
      'Plafonner l’avantage pour cibler les petits épargnants.',
    ],
    miseEnOeuvre: 'Un article en loi de finances, assorti d’une évaluation au bout de trois ans.',
    experiment:
      'Au Mené, dans les Côtes-d’Armor, les habitants ont investi ensemble dans des éoliennes et des unités de méthanisation, dans une démarche d’autonomie énergétique.',
    measuredImpact:
      'Les projets financés localement rencontrent beaucoup moins d’oppositions que ceux portés par des investisseurs extérieurs.',
    themes: ['energie-citoyenne', 'democratie-economique'],
    commune: '22046',
    competentLevel: 'STATE',
    lever: 'TAX',
    author: 'pierre',
    support: [0.55, 0.2],
  },
  {
    key: 'chaufferies-bois-circuit-court',
    title: 'Des chaufferies bois collectives alimentées par les forêts du territoire',
    summary:
      'Chauffer écoles, piscines et logements avec du bois local, exploité durablement et transformé par des entreprises du territoire réunies en coopérative.',
    constat:
      'Les petites communes de montagne dépendent du fioul ou du gaz pour chauffer leurs équipements, alors que la forêt voisine n’est pas exploitée faute de débouchés organisés.',
    propositions: [
      'Soutenir l’investissement dans des réseaux de chaleur bois de petite taille en zone rurale.',
      'Structurer l’approvisionnement en SCIC réunissant propriétaires forestiers, entreprises et communes.',
      'Conditionner les aides à une gestion forestière durable et certifiée.',
    ],
    miseEnOeuvre:
      'Un volet rural du fonds chaleur, avec une instruction simplifiée pour les petits projets groupés.',
    experiment:
      'Dans le Diois, notre SCOP travaille avec les communes et les propriétaires forestiers à l’approvisionnement en plaquettes de deux chaufferies collectives.',
    measuredImpact:
      'Le combustible est acheté à quelques kilomètres, et la facture de chauffage des bâtiments raccordés est devenue plus stable.',
    themes: ['energie-citoyenne', 'transition-ecologique', 'cooperation-territoriale'],
    commune: '26113',
    competentLevel: 'EPCI',
    lever: 'EXPERIMENTATION',
    author: 'thomas',
    organisation: 'charpentiers',
    support: [0.7, 0.1],
  },
  {
    key: 'tarification-sociale-eau',
    title: 'Une tarification sociale et progressive de l’eau',
    summary:
      'Rendre gratuits ou très bon marché les premiers mètres cubes indispensables, et faire payer davantage les consommations de confort.',
    constat:
      'Le prix de l’eau pèse lourd dans le budget des ménages modestes, alors que les usages de confort, comme l’arrosage ou les piscines, restent facturés au même tarif.',
    propositions: [
      'Généraliser une tranche d’eau essentielle à tarif réduit.',
      'Appliquer des tranches progressives au-delà d’un seuil par personne.',
      'Associer les usagers à la définition des tranches.',
    ],
    miseEnOeuvre:
      'Un cadre national laissant aux autorités organisatrices le choix des seuils, évalué après trois ans.',
    experiment:
      'L’agglomération de Dunkerque a mis en place une tarification éco-solidaire de l’eau, avec un tarif réduit pour les premiers mètres cubes.',
    measuredImpact:
      'Les ménages modestes ont vu leur facture baisser, et la consommation globale a diminué.',
    themes: ['transition-ecologique', 'democratie-et-citoyennete'],
    commune: '59183',
    competentLevel: 'EPCI',
    lever: 'REGULATION',
    author: 'pierre',
    support: [0.72, 0.12],
  },
  {
    key: 'tiers-lieux-ruraux',
    title: 'Un fonds d’amorçage pour les tiers-lieux ruraux',
    summary:
      'Ateliers partagés, espaces de travail, cafés associatifs : les tiers-lieux ruraux recréent des services et de l’emploi, mais leurs premières années sont fragiles.',
    constat:
      'Les tiers-lieux en milieu rural reposent souvent sur le bénévolat et sur des subventions ponctuelles. Beaucoup s’épuisent avant d’avoir trouvé leur modèle économique.',
    propositions: [
      'Créer un fonds régional d’amorçage couvrant trois années de fonctionnement.',
      'Mettre des bâtiments publics vacants à disposition à loyer modéré.',
      'Favoriser le statut de SCIC pour associer la commune, les usagers et les entrepreneurs.',
    ],
    miseEnOeuvre:
      'Un appel à projets régional pluriannuel, avec un accompagnement par les réseaux régionaux de tiers-lieux.',
    experiment:
      'À Figeac, un tiers-lieu réunit un atelier de fabrication, un espace de travail partagé et une programmation culturelle dans un ancien bâtiment industriel.',
    measuredImpact:
      'Des indépendants se sont installés sur le territoire grâce au lieu, et des habitants y suivent des formations au numérique.',
    themes: ['cooperation-territoriale', 'economie-collaborative'],
    commune: '46102',
    competentLevel: 'REGION',
    lever: 'BUDGET',
    author: 'claire',
    support: [0.74, 0.06],
  },
  {
    key: 'marches-reserves-ess',
    title: 'Mieux utiliser les marchés réservés aux structures d’insertion et de l’ESS',
    summary:
      'Le droit permet de réserver certains marchés aux entreprises d’insertion et aux entreprises adaptées. Trop peu d’acheteurs s’en saisissent : il faut un objectif chiffré et de l’allotissement.',
    constat:
      'Les structures d’insertion et les petites entreprises de l’ESS sont écartées des marchés publics par des lots trop gros et des procédures trop lourdes.',
    propositions: [
      'Fixer à chaque grand acheteur public un objectif de marchés réservés.',
      'Systématiser l’allotissement géographique et par métier.',
      'Simplifier les dossiers de candidature pour les petits lots.',
    ],
    miseEnOeuvre:
      'Une instruction nationale et un indicateur publié dans le recensement annuel de la commande publique.',
    themes: ['democratie-economique', 'nouvelles-formes-d-emploi'],
    commune: '54395',
    competentLevel: 'STATE',
    lever: 'PUBLIC_PROCUREMENT',
    author: 'hugo',
    support: [0.68, 0.1],
  },
  {
    key: 'garages-solidaires-mobilite-rurale',
    title: 'Garages solidaires et autopartage pour la mobilité rurale',
    summary:
      'Réparer à prix coûtant les voitures des personnes en insertion, louer des véhicules à petit prix et partager les voitures entre voisins.',
    constat:
      'En zone rurale, ne pas avoir de voiture en état de marche interdit l’accès à l’emploi. Les transports collectifs ne peuvent pas tout couvrir.',
    propositions: [
      'Soutenir un garage solidaire par bassin de vie rural.',
      'Créer des flottes de véhicules en autopartage dans les bourgs, gérées par des associations ou des SCIC.',
      'Intégrer ces solutions aux plans de mobilité des intercommunalités.',
    ],
    miseEnOeuvre:
      'Un financement départemental au titre de l’insertion, complété par les intercommunalités compétentes en mobilité.',
    experiment:
      'En Lozère, une plateforme de mobilité prête des voitures et des scooters aux personnes qui reprennent un emploi ou une formation.',
    measuredImpact:
      'La plupart des bénéficiaires ont pu se rendre à leur emploi ou à leur formation pendant toute la durée du prêt.',
    themes: ['transition-ecologique', 'economie-collaborative'],
    commune: '48095',
    competentLevel: 'DEPARTEMENT',
    lever: 'BUDGET',
    author: 'jeanne',
    support: [0.77, 0.05],
  },
  {
    key: 'recherche-action-ptce-universites',
    title:
      'Des programmes de recherche-action entre universités et pôles territoriaux de coopération',
    summary:
      'Financer des doctorants et des chercheurs qui travaillent avec les PTCE pour évaluer les expériences et aider à les diffuser.',
    constat:
      'Les démarches de recherche et développement des PTCE sont peu reconnues. Les investisseurs attendent des résultats rapides, incompatibles avec le temps long de la recherche.',
    propositions: [
      'Créer des contrats doctoraux dédiés à la recherche-action avec les acteurs de l’ESS.',
      'Reconnaître la recherche menée avec les PTCE dans l’évaluation des chercheurs.',
      'Ouvrir les dispositifs de crédit d’impôt recherche aux démarches d’innovation sociale.',
    ],
    miseEnOeuvre:
      'Un programme régional associant universités, PTCE et collectivités, sur le modèle des chaires partenariales.',
    experiment:
      'À Toulouse, une équipe universitaire accompagne plusieurs pôles de coopération pour mesurer leurs effets sur l’emploi local.',
    measuredImpact:
      'Les premiers travaux ont permis aux pôles de mieux présenter leurs résultats aux financeurs publics.',
    themes: ['cooperation-territoriale', 'democratie-economique'],
    commune: '31555',
    competentLevel: 'REGION',
    lever: 'EXPERIMENTATION',
    author: 'claire',
    organisation: 'ptce',
    support: [0.6, 0.08],
  },
  {
    key: 'communautes-energetiques-europeennes',
    title:
      'Transposer pleinement les communautés d’énergie renouvelable prévues par le droit européen',
    summary:
      'Le droit européen reconnaît aux citoyens le droit de produire, consommer et partager leur énergie ensemble. Sa transposition française reste trop restrictive.',
    constat:
      'Les directives européennes ont créé les communautés d’énergie renouvelable et les communautés énergétiques citoyennes. En France, leurs droits concrets, notamment le partage d’énergie entre membres, restent limités.',
    propositions: [
      'Garantir aux communautés d’énergie un droit au partage de l’énergie entre leurs membres sur un périmètre élargi.',
      'Créer un guichet unique pour leur raccordement au réseau.',
      'Porter au niveau européen un statut harmonisé pour faciliter les coopérations transfrontalières.',
    ],
    miseEnOeuvre:
      'Une révision de la transposition française, puis une initiative de la France lors de la prochaine révision des directives.',
    themes: ['energie-citoyenne', 'democratie-economique'],
    commune: '67482',
    competentLevel: 'EU',
    lever: 'LAW',
    author: 'maite',
    organisation: 'soleil',
    support: [0.66, 0.08],
  },
  {
    key: 'fabriques-initiatives-rurales',
    title: 'Des fabriques à initiatives de l’ESS dans les départements ruraux',
    summary:
      'Repérer les besoins non couverts d’un territoire, puis faire émerger les entreprises sociales qui y répondront, avec les habitants et les élus.',
    constat:
      'Les départements ruraux manquent de porteurs de projets, pas de besoins : garde d’enfants, services aux personnes âgées, commerces de proximité. Il faut partir des besoins plutôt qu’attendre les porteurs.',
    propositions: [
      'Financer une fabrique à initiatives par département rural.',
      'Associer les élus locaux au repérage des besoins.',
      'Prévoir un fonds d’amorçage pour les premières activités créées.',
    ],
    miseEnOeuvre:
      'Un programme régional cofinancé par l’Europe, confié à des structures d’accompagnement de l’ESS.',
    experiment:
      'En Creuse, une démarche d’émergence a permis de créer une épicerie coopérative et un service de portage de repas.',
    measuredImpact:
      'Les activités créées répondent à des besoins identifiés avec les habitants et ont créé des emplois locaux.',
    themes: ['cooperation-territoriale', 'nouvelles-formes-d-emploi'],
    commune: '23096',
    competentLevel: 'REGION',
    lever: 'BUDGET',
    author: 'hugo',
    support: [0.7, 0.05],
  },
  {
    key: 'renovation-ecoles-artisans-locaux',
    title: 'Rénover les écoles avec des groupements d’artisans locaux',
    summary:
      'Des contrats de performance énergétique adaptés aux petites entreprises, pour que la rénovation des écoles profite aux artisans du territoire.',
    constat:
      'Les contrats de performance énergétique sont taillés pour les grands groupes. Les artisans locaux, pourtant compétents, n’y ont pas accès et perdent des chantiers qui se font chez eux.',
    propositions: [
      'Créer un modèle de contrat de performance énergétique accessible aux groupements de PME et de SCOP.',
      'Financer l’ingénierie de groupement par les chambres de métiers.',
      'Prévoir un suivi des consommations partagé avec les écoles et les parents.',
    ],
    miseEnOeuvre:
      'Un contrat type national et une enveloppe du fonds vert réservée aux projets portés par des groupements locaux.',
    experiment:
      'À Limoges, un groupement d’artisans a rénové l’isolation et la ventilation d’une école primaire, avec un engagement sur les économies d’énergie.',
    measuredImpact:
      'La consommation de chauffage de l’école a fortement baissé, et le confort d’été des classes s’est amélioré.',
    themes: ['efficacite-energetique', 'cooperation-territoriale'],
    commune: '87085',
    competentLevel: 'COMMUNE',
    lever: 'PUBLIC_PROCUREMENT',
    author: 'yann',
    support: [0.73, 0.07],
  },
  {
    key: 'sobriete-eclairage-public',
    title: 'Généraliser l’extinction de l’éclairage public au cœur de la nuit',
    summary:
      'Éteindre l’éclairage public entre une heure et cinq heures du matin là où c’est possible : des économies immédiates et un bénéfice pour la biodiversité.',
    constat:
      'L’éclairage public représente une part importante de la facture d’électricité des communes, et la pollution lumineuse perturbe la faune nocturne.',
    propositions: [
      'Encourager l’extinction nocturne dans les zones résidentielles, après concertation avec les habitants.',
      'Accompagner le remplacement des lampes anciennes par des équipements sobres et pilotables.',
    ],
    miseEnOeuvre:
      'Un engagement volontaire des communes, appuyé par les syndicats d’énergie pour les aspects techniques.',
    experiment:
      'De nombreuses communes ont éteint leur éclairage au cœur de la nuit, et certaines villes moyennes l’ont fait quartier par quartier après concertation.',
    measuredImpact:
      'La facture d’éclairage a nettement diminué, sans hausse constatée de la délinquance dans les communes qui ont évalué la mesure.',
    themes: ['efficacite-energetique', 'transition-ecologique'],
    commune: '2A004',
    competentLevel: 'COMMUNE',
    lever: 'VOLUNTARY_COMMITMENT',
    author: 'ines',
    support: [0.55, 0.3],
  },
  {
    key: 'autonomie-alimentaire-reunion',
    title:
      'Soutenir l’agriculture vivrière et les jardins créoles pour l’autonomie alimentaire de La Réunion',
    summary:
      'Réduire la dépendance aux importations en aidant les petites exploitations vivrières et les jardins familiaux, et en les reliant à la restauration scolaire.',
    constat:
      'Les territoires ultramarins importent une grande partie de leur alimentation, avec des prix élevés et un bilan carbone lourd, alors que les savoir-faire vivriers existent.',
    propositions: [
      'Créer une aide à l’installation dédiée aux petites exploitations vivrières.',
      'Développer les jardins créoles partagés dans les quartiers.',
      'Réserver une part de la restauration scolaire aux productions locales.',
    ],
    miseEnOeuvre:
      'Une expérimentation régionale, cofinancée par les fonds européens pour les régions ultrapériphériques.',
    measuredImpact:
      'Les jardins partagés existants produisent déjà une part des légumes consommés par les familles qui y participent.',
    themes: ['transition-ecologique', 'cooperation-territoriale'],
    commune: '97411',
    competentLevel: 'REGION',
    lever: 'EXPERIMENTATION',
    author: 'amina',
    support: [0.81, 0.03],
  },
  {
    key: 'salaries-conseils-administration',
    title:
      'Un tiers des sièges des conseils d’administration pour les salariés des grandes entreprises',
    summary:
      'Associer réellement les salariés aux décisions stratégiques, comme dans plusieurs pays européens, en leur réservant un tiers des sièges au-delà de 1 000 salariés.',
    constat:
      'La représentation des salariés dans les conseils d’administration reste marginale en France, alors que les décisions stratégiques engagent leur avenir et celui des territoires.',
    propositions: [
      'Porter à un tiers la part des administrateurs salariés dans les entreprises de plus de 1 000 salariés.',
      'Former les administrateurs salariés et leur garantir du temps pour exercer leur mandat.',
    ],
    miseEnOeuvre: 'Une modification du code de commerce, applicable progressivement sur trois ans.',
    themes: ['democratie-economique'],
    commune: '93048',
    competentLevel: 'STATE',
    lever: 'LAW',
    author: 'amina',
    support: [0.45, 0.4],
  },
  {
    key: 'repair-cafes-mediatheques',
    title: 'Des ateliers de réparation dans les médiathèques et les maisons de quartier',
    summary:
      'Offrir un lieu et des outils aux bénévoles qui réparent avec les habitants appareils, vélos et vêtements, pour allonger la durée de vie des objets.',
    constat:
      'Les ateliers de réparation bénévoles se multiplient mais cherchent sans cesse des salles et du matériel. Les équipements publics de proximité sont sous-utilisés le soir et le week-end.',
    propositions: [
      'Ouvrir les médiathèques et maisons de quartier aux ateliers de réparation au moins une fois par mois.',
      'Financer une « outilthèque » partagée par quartier.',
      'Relayer ces ateliers dans la communication municipale.',
    ],
    miseEnOeuvre:
      'Une convention type entre communes et associations, sans coût important pour la collectivité.',
    experiment:
      'À Poitiers, un atelier mensuel dans une maison de quartier réunit bénévoles et habitants autour de petits appareils et de vélos.',
    measuredImpact:
      'La majorité des objets apportés repartent réparés, et l’atelier est devenu un lieu de rencontre entre générations.',
    themes: ['economie-collaborative', 'transition-ecologique'],
    commune: '86194',
    competentLevel: 'COMMUNE',
    lever: 'VOLUNTARY_COMMITMENT',
    author: 'participant',
    support: [0.86, 0.02],
  },
  {
    key: 'agrivoltaisme-gouvernance-locale',
    title: 'Encadrer l’agrivoltaïsme pour qu’il reste au service des agriculteurs et des habitants',
    summary:
      'Les panneaux solaires au-dessus des cultures peuvent aider les exploitations, à condition que la production agricole reste prioritaire et que le territoire partage la valeur.',
    constat:
      'Les projets d’agrivoltaïsme se multiplient, parfois portés par des opérateurs qui louent des terres agricoles à prix élevé, au risque d’une spéculation foncière et de conflits d’usage.',
    propositions: [
      'Exiger qu’une part du capital des projets soit ouverte aux agriculteurs et aux habitants.',
      'Plafonner la surface couverte par exploitation et contrôler le maintien de la production agricole.',
      'Associer la commission départementale de préservation des espaces agricoles à chaque projet.',
    ],
    miseEnOeuvre: 'Un décret d’application renforcé et un contrôle départemental annuel.',
    themes: ['energie-citoyenne', 'transition-ecologique'],
    commune: '81004',
    competentLevel: 'DEPARTEMENT',
    lever: 'REGULATION',
    author: 'marc',
    support: [0.42, 0.38],
  },
  {
    key: 'ecoles-transition-ungersheim',
    title:
      'Accompagner les petites communes qui se lancent dans un programme complet de transition',
    summary:
      'Alimentation, énergie, mobilité, participation : certaines petites communes mènent de front toute une transition. Un réseau et une ingénierie dédiée aideraient les autres à suivre.',
    constat:
      'Les petites communes ont la volonté mais rarement les compétences techniques pour conduire plusieurs projets de transition à la fois.',
    propositions: [
      'Créer un réseau national de communes en transition, avec des visites et du compagnonnage entre élus.',
      'Financer un poste de chargé de mission transition partagé entre plusieurs petites communes.',
    ],
    miseEnOeuvre:
      'Un programme de l’Agence nationale de la cohésion des territoires, sur le modèle des programmes de revitalisation existants.',
    experiment:
      'Ungersheim, dans le Haut-Rhin, conduit depuis plusieurs années un programme de transition : centrale solaire, régie agricole, cantine bio et participation des habitants.',
    measuredImpact:
      'La commune accueille régulièrement des élus venus de toute la France pour s’inspirer de son expérience.',
    themes: ['transition-ecologique', 'democratie-et-citoyennete', 'cooperation-territoriale'],
    commune: '68343',
    competentLevel: 'STATE',
    lever: 'BUDGET',
    author: 'pierre',
    support: [0.71, 0.06],
  },
  {
    key: 'village-bio-correns',
    title: 'Aider les communes viticoles à convertir leur territoire à l’agriculture biologique',
    summary:
      'Quand la cave coopérative, les viticulteurs et la commune s’engagent ensemble, une conversion collective au bio devient possible et valorise tout le territoire.',
    constat:
      'La conversion au bio est risquée pour une exploitation isolée. Elle devient plus simple lorsqu’elle est collective, avec une cave coopérative qui valorise la production.',
    propositions: [
      'Créer une aide bonifiée à la conversion lorsqu’elle est engagée collectivement à l’échelle d’une commune ou d’une cave coopérative.',
      'Accompagner les caves coopératives dans la commercialisation des vins bio.',
    ],
    miseEnOeuvre: 'Un volet de la politique agricole commune géré par la région.',
    experiment:
      'Correns, dans le Var, s’est engagée très tôt dans une conversion collective au bio, portée par sa cave coopérative et ses viticulteurs.',
    measuredImpact:
      'Le village est devenu une référence de l’agriculture biologique, avec une valorisation accrue de sa production.',
    themes: ['transition-ecologique', 'democratie-economique'],
    commune: '83045',
    competentLevel: 'REGION',
    lever: 'BUDGET',
    author: 'lucie',
    support: [0.69, 0.09],
  },
  {
    key: 'conseils-participatifs-kingersheim',
    title: 'Des conseils participatifs ouverts à tous pour préparer les décisions municipales',
    summary:
      'Réunir, pour chaque projet important, un conseil composé d’élus, d’habitants volontaires, de personnes tirées au sort et d’experts, avant la délibération du conseil municipal.',
    constat:
      'La démocratie locale se limite souvent au vote tous les six ans et à des réunions publiques peu suivies. Les habitants veulent être associés plus tôt.',
    propositions: [
      'Inscrire dans la loi la possibilité de créer des conseils participatifs dotés d’un droit de saisine du conseil municipal.',
      'Prévoir une formation des élus à l’animation de ces instances.',
    ],
    miseEnOeuvre:
      'Une évolution du code général des collectivités territoriales, à titre facultatif pour les communes.',
    experiment:
      'Kingersheim, près de Mulhouse, fait fonctionner depuis longtemps une « maison de la citoyenneté » où se réunissent des conseils participatifs.',
    measuredImpact:
      'Des projets d’aménagement ont été profondément modifiés à la suite des travaux des conseils, avec moins de recours ensuite.',
    themes: ['democratie-et-citoyennete'],
    commune: '68166',
    competentLevel: 'COMMUNE',
    lever: 'LAW',
    author: 'elise',
    support: [0.63, 0.11],
  },
  {
    key: 'transition-bassin-minier',
    title: 'Faire des anciens bassins miniers des territoires pilotes de la transition',
    summary:
      'Les territoires qui ont vécu la fin d’une industrie savent ce qu’est une transition. Ils doivent recevoir les moyens d’expérimenter les métiers de demain.',
    constat:
      'Les anciens bassins miniers cumulent chômage, précarité énergétique et friches, mais disposent de savoir-faire et d’une forte culture de la solidarité.',
    propositions: [
      'Donner à ces territoires un droit à l’expérimentation sur la rénovation, l’énergie et l’emploi.',
      'Former les habitants aux métiers de la rénovation et des énergies renouvelables.',
      'Transformer les friches en lieux de production d’énergie et d’activité.',
    ],
    miseEnOeuvre:
      'Un contrat de transition signé entre l’État, la région et les intercommunalités, sur dix ans.',
    experiment:
      'Loos-en-Gohelle, dans le Pas-de-Calais, a fait de la transition le fil conducteur de son développement, avec la participation des habitants.',
    measuredImpact:
      'La commune est devenue un démonstrateur national de la conduite du changement, avec des filières d’emploi nouvelles.',
    themes: ['transition-ecologique', 'cooperation-territoriale', 'nouvelles-formes-d-emploi'],
    commune: '62528',
    competentLevel: 'REGION',
    lever: 'EXPERIMENTATION',
    author: 'pierre',
    organisation: 'soleil',
    support: [0.74, 0.06],
  },
  {
    key: 'plateformes-cooperatives-tourisme',
    title: 'Une plateforme coopérative de réservation pour les hébergeurs et guides locaux',
    summary:
      'Les grandes plateformes prélèvent de fortes commissions. Une plateforme coopérative, détenue par les hébergeurs, les offices de tourisme et les habitants, garderait cette valeur sur le territoire.',
    constat:
      'Les petits hébergeurs dépendent de plateformes internationales pour être visibles, au prix de commissions élevées et d’une perte de maîtrise de leurs données.',
    propositions: [
      'Soutenir la création de plateformes coopératives régionales de réservation.',
      'Mettre en commun un logiciel libre utilisable par toutes les régions.',
      'Associer les offices de tourisme au capital des SCIC porteuses.',
    ],
    miseEnOeuvre:
      'Un financement régional de démarrage et un partenariat entre régions pour le logiciel commun.',
    experiment:
      'En Bretagne, des hébergeurs réfléchissent avec leur office de tourisme à une solution de réservation en commun.',
    themes: ['economie-collaborative', 'cooperation-territoriale'],
    commune: '29232',
    competentLevel: 'REGION',
    lever: 'BUDGET',
    author: 'yann',
    support: [0.6, 0.12],
  },
  {
    key: 'habitat-participatif-cooperatif',
    title: 'Développer l’habitat participatif et les coopératives d’habitants',
    summary:
      'Permettre à des familles de concevoir et de gérer ensemble leur immeuble, avec des espaces partagés et une propriété collective qui protège de la spéculation.',
    constat:
      'Les coopératives d’habitants restent rares en France faute de financement bancaire adapté et de foncier accessible, alors qu’elles produisent des logements abordables durablement.',
    propositions: [
      'Réserver une part des terrains publics cédés aux projets d’habitat participatif.',
      'Créer une garantie publique pour les prêts aux coopératives d’habitants.',
      'Simplifier les statuts issus de la loi de 2014.',
    ],
    miseEnOeuvre:
      'Des appels à projets des métropoles et une garantie nationale portée par la Banque des territoires.',
    experiment:
      'À Villeurbanne, une coopérative d’habitants gère depuis plus de dix ans un immeuble avec salle commune, chambres d’amis et jardin partagés.',
    measuredImpact:
      'Les loyers restent nettement inférieurs à ceux du marché, et les habitants partagent équipements et services.',
    themes: ['economie-collaborative', 'democratie-economique'],
    commune: '69266',
    competentLevel: 'STATE',
    lever: 'BUDGET',
    author: 'hugo',
    support: [0.67, 0.09],
  },
  {
    key: 'velo-ecoles-bus-cyclistes',
    title: 'Des vélobus et des vélo-écoles pour aller à l’école sans voiture',
    summary:
      'Accompagner les enfants à vélo en convoi encadré par des parents, et apprendre à tous à circuler à vélo en sécurité.',
    constat:
      'Les abords des écoles sont saturés de voitures aux heures d’entrée et de sortie, alors que beaucoup d’élèves habitent à moins de trois kilomètres.',
    propositions: [
      'Financer l’équipement et la formation des parents accompagnateurs.',
      'Créer des « rues aux écoles » fermées à la circulation aux heures d’entrée et de sortie.',
      'Généraliser l’apprentissage du vélo en primaire.',
    ],
    miseEnOeuvre:
      'Un appel à projets national et des conventions entre écoles, communes et associations cyclistes.',
    experiment:
      'À Montpellier, des parents organisent chaque matin des convois à vélo vers plusieurs écoles, avec l’appui d’une association.',
    measuredImpact:
      'Les trajets accompagnés ont réduit le nombre de voitures devant les écoles concernées et donné de l’autonomie aux enfants.',
    themes: ['transition-ecologique', 'democratie-et-citoyennete'],
    commune: '34172',
    competentLevel: 'COMMUNE',
    lever: 'BUDGET',
    author: 'ines',
    support: [0.73, 0.1],
  },
];

export type CommentStanceValue = 'FOR' | 'AGAINST' | 'NEUTRAL' | 'NONE';

/** Top-level comments, reused across proposals; each proposal gets a few of them. */
export const DEMO_COMMENTS: readonly { stance: CommentStanceValue; body: string }[] = [
  {
    stance: 'FOR',
    body: 'Tout à fait d’accord. Nous avons tenté quelque chose de proche dans notre commune : la clé a été d’associer les habitants dès le départ.',
  },
  {
    stance: 'FOR',
    body: 'Une proposition concrète et déjà éprouvée sur le terrain : c’est exactement ce qu’il faut faire remonter.',
  },
  {
    stance: 'FOR',
    body: 'Je soutiens. Il faudrait simplement prévoir le financement de l’ingénierie, c’est souvent ce qui manque aux petites communes.',
  },
  {
    stance: 'FOR',
    body: 'Oui ! Et l’évaluation proposée permettra de convaincre les élus encore hésitants.',
  },
  {
    stance: 'FOR',
    body: 'Excellente idée, qui crée des emplois non délocalisables tout en répondant à l’urgence écologique.',
  },
  {
    stance: 'FOR',
    body: 'Notre coopérative est prête à partager son retour d’expérience si cela peut aider à généraliser la démarche.',
  },
  {
    stance: 'FOR',
    body: 'C’est le genre de mesure qui redonne confiance : on voit le résultat près de chez soi.',
  },
  {
    stance: 'AGAINST',
    body: 'Sur le principe pourquoi pas, mais l’imposer partout me semble prématuré : les situations locales sont trop différentes.',
  },
  {
    stance: 'AGAINST',
    body: 'Je crains un surcoût pour les petites collectivités, qui n’ont ni les moyens ni les équipes pour suivre.',
  },
  {
    stance: 'AGAINST',
    body: 'Attention à ne pas ajouter une nouvelle couche administrative : les porteurs de projets croulent déjà sous les dossiers.',
  },
  {
    stance: 'AGAINST',
    body: 'L’expérience citée est intéressante mais trop récente pour en tirer des conclusions à l’échelle nationale.',
  },
  {
    stance: 'NEUTRAL',
    body: 'Idée intéressante. Avez-vous une estimation du coût pour une commune de taille moyenne ?',
  },
  {
    stance: 'NEUTRAL',
    body: 'Il faudrait préciser qui porte le projet : la commune, l’intercommunalité ou une structure de l’ESS ?',
  },
  {
    stance: 'NEUTRAL',
    body: 'À rapprocher d’autres propositions de cette consultation qui vont dans le même sens.',
  },
  {
    stance: 'NEUTRAL',
    body: 'Comment mesurerait-on l’impact au bout de trois ans ? Des indicateurs communs seraient utiles.',
  },
  {
    stance: 'NONE',
    body: 'Existe-t-il un bilan écrit de l’expérience que l’on pourrait consulter ?',
  },
  { stance: 'NONE', body: 'Merci pour ce partage très clair, j’ai appris beaucoup de choses.' },
];

/** Replies; `byAuthor` replies are written by the proposal's author. */
export const DEMO_REPLIES: readonly { body: string; byAuthor: boolean }[] = [
  {
    byAuthor: true,
    body: 'Bonne question : un bilan détaillé est en cours de rédaction, je le partagerai ici dès qu’il sera publié.',
  },
  {
    byAuthor: true,
    body: 'C’est justement pour cela que nous proposons de commencer par une expérimentation volontaire.',
  },
  {
    byAuthor: true,
    body: 'Merci pour votre soutien ! N’hésitez pas à partager votre expérience, elle enrichira la proposition.',
  },
  {
    byAuthor: false,
    body: 'Dans notre cas, l’intercommunalité a porté l’ingénierie et les communes ont suivi.',
  },
  {
    byAuthor: false,
    body: 'Je partage cette inquiétude, mais les économies réalisées compensent vite l’investissement de départ.',
  },
  {
    byAuthor: false,
    body: 'Un accompagnement par le dispositif local d’accompagnement (DLA) pourrait aider les petites structures.',
  },
];
