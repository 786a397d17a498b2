/**
 * French vocabulary of the social and solidarity economy (ESS) from which the benchmark data
 * generator assembles titles, summaries, bodies and comments. Each text is built from a seeded
 * generator, so the same index always gives the same text.
 *
 * Search words for the benchmarks: the words of RARE_SENTENCES each appear in about 0.1 % of
 * proposals (selective: « apiculture »); « salariés » appears in about 30 % of them (common),
 * « coopérative » in about 75 % (the exact shares are printed by the seed, see seed-tier.ts).
 */

/** A seeded generator returning numbers in [0, 1). */
export type Random = () => number;

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What a proposal is about, by theme (index in the seeded themes, see prisma/seeds/reference.ts). */
export const THEME_OBJECTS: readonly (readonly string[])[] = [
  // transition-ecologique
  [
    'une filière de réemploi des matériaux du bâtiment',
    'des circuits courts alimentaires dans la restauration collective',
    'une ressourcerie solidaire par bassin de vie',
    'un plan de sortie du plastique jetable dans les marchés',
    'des jardins partagés sur les friches urbaines',
    'une consigne des emballages en verre',
    'un réseau de recycleries et de repair cafés',
    'une légumerie coopérative pour les cantines',
    'des projets alimentaires territoriaux ouverts aux habitants',
    'une économie circulaire des textiles',
    'le compostage des biodéchets de quartier',
    'des mobilités partagées en zone rurale',
  ],
  // efficacite-energetique
  [
    'la rénovation thermique des copropriétés fragiles',
    'un service public de la rénovation énergétique',
    'la sobriété énergétique des bâtiments publics',
    'des ambassadeurs de l’efficacité énergétique dans les quartiers',
    'un fonds contre la précarité énergétique',
    'l’isolation des écoles en matériaux biosourcés',
    'des diagnostics énergétiques gratuits pour les ménages modestes',
    'le remplacement des chaudières au fioul',
  ],
  // energie-citoyenne
  [
    'une coopérative d’énergie citoyenne',
    'des centrales solaires villageoises',
    'un parc éolien à gouvernance partagée',
    'des toitures solaires sur les bâtiments communaux',
    'une société coopérative d’intérêt collectif de production d’énergie',
    'des réseaux de chaleur alimentés par le bois local',
    'l’autoconsommation collective d’électricité renouvelable',
    'un fonds régional pour l’énergie citoyenne',
  ],
  // democratie-economique
  [
    'la place des salariés dans la gouvernance des entreprises',
    'la reprise d’entreprises en société coopérative par leurs salariés',
    'une finance solidaire orientée vers les territoires',
    'les usagers au conseil d’administration des régies',
    'le partage de la valeur dans les entreprises de l’ESS',
    'une épargne salariale solidaire',
    'des monnaies locales complémentaires',
    'le statut de coopérative d’activité et d’emploi',
  ],
  // democratie-et-citoyennete
  [
    'des budgets participatifs dans chaque commune',
    'un conseil citoyen de la transition',
    'la co-construction des politiques publiques avec les associations',
    'des assemblées d’habitants tirées au sort',
    'le droit d’interpellation citoyenne',
    'l’éducation populaire à la démocratie',
    'un droit à l’engagement bénévole reconnu',
    'des maisons de la vie associative',
  ],
  // nouvelles-formes-d-emploi
  [
    'des territoires zéro chômeur de longue durée',
    'les groupements d’employeurs de l’économie sociale',
    'l’entrepreneuriat salarié en coopérative',
    'l’insertion par l’activité économique',
    'un contrat pour les tiers-lieux d’activité',
    'la formation des dirigeants bénévoles',
    'des emplois partagés entre associations',
    'l’accompagnement des porteurs de projets solidaires',
  ],
  // economie-collaborative
  [
    'des plateformes coopératives de livraison',
    'les communs numériques locaux',
    'la mutualisation des équipements entre associations',
    'une plateforme coopérative de tourisme',
    'des ateliers de fabrication partagés',
    'des bibliothèques d’objets',
    'le partage de véhicules entre voisins',
    'une place de marché coopérative pour les producteurs',
  ],
  // cooperation-territoriale
  [
    'les pôles territoriaux de coopération économique',
    'des PTCE dans chaque département',
    'une alliance entre collectivités, universités et entreprises de l’ESS',
    'des achats publics responsables ouverts à l’ESS',
    'un schéma de promotion des achats socialement responsables',
    'des conventions pluriannuelles avec les associations',
    'la coopération entre PTCE et chambres consulaires',
    'un incubateur territorial d’innovation sociale',
  ],
];

const TITLE_VERBS = [
  'Créer',
  'Développer',
  'Soutenir',
  'Financer',
  'Généraliser',
  'Encourager',
  'Structurer',
  'Favoriser',
  'Expérimenter',
  'Rendre obligatoire',
  'Simplifier',
  'Accompagner',
  'Étendre',
  'Pérenniser',
  'Relancer',
  'Mutualiser',
];

const TITLE_PLACES = [
  'dans chaque intercommunalité',
  'en zone rurale',
  'dans les quartiers prioritaires',
  'à l’échelle du bassin de vie',
  'avec les collectivités locales',
  'dans les territoires ultramarins',
  'en lien avec les associations',
  'd’ici 2030',
  'avec un financement public stable',
  'dans les villes moyennes',
  'par la commande publique',
  'au niveau régional',
  'dans les lycées et les universités',
  'avec les habitants',
  '',
  '',
];

const SUMMARY_OPENERS = [
  'Nous proposons de',
  'Il s’agit de',
  'Cette proposition vise à',
  'L’objectif est de',
  'Nous demandons de',
  'Pour répondre aux besoins du territoire, il faut',
];

const SUMMARY_VERBS = [
  'développer',
  'soutenir',
  'financer',
  'généraliser',
  'structurer',
  'accompagner',
  'faciliter',
  'reconnaître',
];

const SUMMARY_ENDS = [
  'en s’appuyant sur les acteurs de l’économie sociale et solidaire déjà présents.',
  'avec un pilotage partagé entre habitants, associations et collectivités.',
  'pour créer des emplois locaux non délocalisables.',
  'en priorité là où les services publics reculent.',
  'afin de réduire l’empreinte carbone du territoire.',
  'grâce à un fonds d’amorçage et à un accompagnement sur trois ans.',
  'en associant les salariés et les usagers aux décisions.',
  'en mesurant l’impact social et environnemental chaque année.',
];

const CONSTATS = [
  'Les initiatives existent mais restent fragiles faute de financement pérenne.',
  'Les collectivités manquent d’outils pour travailler avec les acteurs de l’ESS.',
  'Les habitants sont rarement associés aux décisions qui les concernent.',
  'La transition écologique avance plus vite là où les acteurs coopèrent.',
  'Les appels à projets successifs épuisent les petites structures.',
  'Les emplois créés par l’économie sociale et solidaire sont locaux et durables.',
  'Les entreprises de l’ESS ont du mal à accéder à la commande publique.',
  'Les territoires ruraux cumulent les difficultés de mobilité et d’accès aux services.',
  'La précarité énergétique touche près d’un ménage sur cinq.',
  'Les circuits courts restent difficiles d’accès pour la restauration collective.',
  'Les bénévoles s’essoufflent et le renouvellement des dirigeants associatifs inquiète.',
  'La démocratie économique progresse quand les salariés ont voix au chapitre.',
  'Plusieurs expériences locales ont fait leurs preuves et pourraient être essaimées.',
  'Les financements européens sont sous-utilisés par les petites structures.',
  'La coopération entre collectivités, entreprises et universités reste trop ponctuelle.',
  'Les jeunes connaissent mal les coopératives et les associations employeuses.',
];

/**
 * Rare sentences: one of them joins a proposal's body about once in a hundred proposals, so
 * each of their distinctive words (apiculture, ostréiculture, lombricompostage, hydrolienne,
 * chanvre, vannerie, transhumance, agroforesterie, lutherie, tonnellerie) is in about 0.1 % of
 * proposals: selective words for the search benchmark.
 */
export const RARE_SENTENCES = [
  'Un rucher partagé soutiendrait aussi l’apiculture locale.',
  'Les producteurs de l’ostréiculture du littoral sont prêts à s’associer.',
  'Un atelier de lombricompostage accompagnerait chaque école.',
  'Une hydrolienne fluviale pourrait compléter la production.',
  'La filière du chanvre fournirait un isolant biosourcé.',
  'Un atelier de vannerie ferait revivre un savoir-faire local.',
  'Les éleveurs de la transhumance seraient associés au projet.',
  'L’agroforesterie sur les parcelles communales serait encouragée.',
  'Un atelier de lutherie solidaire accueillerait des apprentis.',
  'La tonnellerie locale fournirait les contenants réutilisables.',
];
/** Share of proposals whose body carries one of RARE_SENTENCES. */
const RARE_SHARE = 0.01;

const ACTIONS = [
  'créer un fonds d’amorçage géré avec les acteurs locaux',
  'inscrire des clauses sociales et environnementales dans les marchés publics',
  'former les agents des collectivités à la coopération avec l’ESS',
  'ouvrir un guichet unique pour les porteurs de projets',
  'mettre à disposition des locaux publics inoccupés',
  'associer une société coopérative d’intérêt collectif au pilotage',
  'évaluer l’impact social et écologique chaque année',
  'signer des conventions pluriannuelles d’objectifs',
  'réserver une part de l’épargne réglementée au financement solidaire',
  'mobiliser les pôles territoriaux de coopération économique',
  'mutualiser les fonctions support entre structures',
  'garantir la participation des habitants aux comités de suivi',
  'publier les données ouvertes du projet',
  'lancer une expérimentation sur trois territoires volontaires',
  'accompagner la transformation des associations en coopératives',
  'proposer une formation gratuite aux bénévoles',
];

const IMPLEMENTATIONS = [
  'La région pourrait piloter le dispositif avec la chambre régionale de l’ESS.',
  'Une loi de programmation fixerait les moyens sur cinq ans.',
  'L’intercommunalité porterait le projet avec un PTCE local.',
  'Le financement viendrait d’un redéploiement des crédits existants.',
  'Une première phase de test durerait dix-huit mois avant généralisation.',
  'Un comité associant citoyens, élus et entreprises suivrait la mise en œuvre.',
  'Les départements assureraient le relais auprès des communes rurales.',
  'L’État fixerait le cadre et laisserait les territoires l’adapter.',
];

const EXPERIMENTS = [
  'Une expérience menée depuis trois ans dans notre commune',
  'Un projet pilote porté par une coopérative locale',
  'Une initiative associative soutenue par le département',
  'Un programme lancé par notre PTCE',
  'Une démarche engagée avec l’université voisine',
];

const IMPACTS = [
  'a créé une vingtaine d’emplois locaux.',
  'a réduit de moitié les déchets collectés.',
  'a permis à deux cents ménages de baisser leur facture.',
  'a mobilisé plus de trois cents habitants.',
  'a fait émerger quatre nouvelles coopératives.',
  'a doublé la part de produits locaux dans les cantines.',
];

const COMMENT_OPENERS: Record<'FOR' | 'AGAINST' | 'NEUTRAL' | 'NONE', readonly string[]> = {
  FOR: [
    'Je soutiens pleinement cette proposition.',
    'Excellente idée, nous l’avons vue fonctionner chez nous.',
    'Tout à fait d’accord avec cette démarche.',
    'C’est exactement ce dont notre territoire a besoin.',
  ],
  AGAINST: [
    'Je ne suis pas convaincu par cette proposition.',
    'L’intention est bonne mais le dispositif me semble trop lourd.',
    'Je crains que cela ne crée une charge supplémentaire pour les petites structures.',
    'Cette mesure existe déjà en partie et n’a pas donné les résultats attendus.',
  ],
  NEUTRAL: [
    'La proposition mérite d’être précisée.',
    'Intéressant, mais quel serait le coût pour les collectivités ?',
    'Il faudrait d’abord évaluer les expériences existantes.',
  ],
  NONE: [
    'Merci pour cette contribution.',
    'Une question sur le calendrier envisagé.',
    'Est-ce que des associations locales sont déjà impliquées ?',
  ],
};

const COMMENT_ARGUMENTS = [
  'Dans notre commune, la coopérative locale a montré que cela marche.',
  'Le financement sur le long terme reste la vraie question.',
  'Il faudrait associer davantage les habitants dès le départ.',
  'Les collectivités rurales n’ont pas toujours l’ingénierie nécessaire.',
  'Un PTCE pourrait porter ce projet sans créer de nouvelle structure.',
  'L’impact écologique devrait être mesuré de façon indépendante.',
  'Les salariés doivent être associés à la gouvernance.',
  'Attention à ne pas mettre en concurrence les associations entre elles.',
  'Les circuits courts ont besoin de logistique partagée pour tenir.',
  'La commande publique est un levier sous-estimé.',
];

const FIRST_NAMES = [
  'Camille',
  'Louise',
  'Léa',
  'Manon',
  'Chloé',
  'Inès',
  'Jade',
  'Emma',
  'Sarah',
  'Nadia',
  'Fatou',
  'Mireille',
  'Sylvie',
  'Hélène',
  'Élodie',
  'Claire',
  'Lucas',
  'Hugo',
  'Louis',
  'Gabriel',
  'Arthur',
  'Jules',
  'Karim',
  'Mamadou',
  'Thomas',
  'Nicolas',
  'Julien',
  'Pierre',
  'Yannick',
  'Gwenaël',
  'Théo',
  'Antoine',
];

const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefebvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Le Goff',
  'Nguyen',
  'Benali',
];

export function personName(random: Random): string {
  return `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
}

/** Organisation name prefixes by collège (ActorType without CITIZEN). */
const ORGANISATION_PREFIXES: Record<string, readonly string[]> = {
  ASSOCIATION: ['Association Les Jardins de', 'Collectif citoyen de', 'Maison des associations de'],
  ESS_ENTERPRISE: ['SCOP Bâtir ensemble', 'SCIC Énergie', 'Coopérative alimentaire de'],
  SME: ['Atelier', 'Menuiserie', 'Transports solidaires de'],
  LOCAL_AUTHORITY: ['Mairie de', 'Communauté de communes de', 'Syndicat mixte de'],
  UNIVERSITY: ['Université de', 'Laboratoire ESS de', 'IUT de'],
  PTCE: ['PTCE', 'Pôle de coopération de', 'Cluster ESS de'],
};

export function organisationName(random: Random, actorType: string, place: string): string {
  return `${pick(random, ORGANISATION_PREFIXES[actorType] ?? ['Collectif de'])} ${place}`;
}

/** A proposal's text: Markdown body and its HTML as the API's renderMarkdown writes it. */
export interface ProposalText {
  title: string;
  summary: string;
  body: string;
  bodyHtml: string;
  experiment: string | null;
  measuredImpact: string | null;
}

const paragraph = (random: Random, pool: readonly string[], count: number): string => {
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(pick(random, pool));
  return [...chosen].join(' ');
};

/** Builds a proposal about theme `theme` (and optionally `secondTheme`). */
export function proposalText(random: Random, theme: number, secondTheme: number): ProposalText {
  const object = pick(random, THEME_OBJECTS[theme]);
  const place = pick(random, TITLE_PLACES);
  const title = `${pick(random, TITLE_VERBS)} ${object}${place ? ` ${place}` : ''}`;
  const summary = `${pick(random, SUMMARY_OPENERS)} ${pick(random, SUMMARY_VERBS)} ${object} ${pick(
    random,
    SUMMARY_ENDS,
  )}`;
  let constat = paragraph(random, CONSTATS, 2 + Math.floor(random() * 2));
  if (secondTheme >= 0) {
    constat += ` Le projet touche aussi ${pick(random, THEME_OBJECTS[secondTheme])}.`;
  }
  if (random() < RARE_SHARE) constat += ` ${pick(random, RARE_SENTENCES)}`;
  const actions = new Set<string>();
  const actionCount = 2 + Math.floor(random() * 3);
  while (actions.size < actionCount) actions.add(pick(random, ACTIONS));
  const items = [...actions].map((action, i) => `${action}${i === actions.size - 1 ? '.' : ' ;'}`);
  const implementation = paragraph(random, IMPLEMENTATIONS, 1 + Math.floor(random() * 2));
  const body = [
    '## Constat',
    '',
    constat,
    '',
    '## Ce que nous proposons',
    '',
    ...items.map((item) => `- ${item}`),
    '',
    '## Mise en œuvre',
    '',
    implementation,
  ].join('\n');
  const bodyHtml =
    `<h3>Constat</h3>\n<p>${constat}</p>\n<h3>Ce que nous proposons</h3>\n<ul>\n` +
    items.map((item) => `<li>${item}</li>\n`).join('') +
    `</ul>\n<h3>Mise en œuvre</h3>\n<p>${implementation}</p>`;
  const withExperiment = random() < 0.3;
  return {
    title: capitalise(title),
    summary,
    body,
    bodyHtml,
    experiment: withExperiment ? `${pick(random, EXPERIMENTS)} sur ${object}.` : null,
    measuredImpact: withExperiment
      ? `${capitalise(pick(random, EXPERIMENTS).toLowerCase())} ${pick(random, IMPACTS)}`
      : null,
  };
}

/** A comment's Markdown body (one paragraph) and its HTML. */
export function commentText(
  random: Random,
  stance: 'FOR' | 'AGAINST' | 'NEUTRAL' | 'NONE',
): { body: string; bodyHtml: string } {
  const parts = [pick(random, COMMENT_OPENERS[stance])];
  if (random() < 0.8) parts.push(pick(random, COMMENT_ARGUMENTS));
  if (random() < 0.3) parts.push(pick(random, COMMENT_ARGUMENTS));
  const body = parts.join(' ');
  return { body, bodyHtml: `<p>${body}</p>` };
}

/** Consultations of the benchmark data: title and description. */
export const CONSULTATIONS = [
  {
    title: 'Grand débat de l’économie sociale et solidaire',
    description:
      'Vos propositions pour une économie au service des territoires : transition écologique, démocratie économique, coopération.',
  },
  {
    title: 'Transition écologique des territoires',
    description:
      'Économie circulaire, circuits courts, énergie citoyenne : comment accélérer la transition là où nous vivons ?',
  },
  {
    title: 'Démocratie économique et emploi',
    description:
      'Coopératives, gouvernance partagée, nouvelles formes d’emploi : vos idées pour une économie plus démocratique.',
  },
  {
    title: 'Coopération territoriale et PTCE',
    description:
      'Comment les pôles territoriaux de coopération économique peuvent-ils mieux associer collectivités, entreprises et habitants ?',
  },
  {
    title: 'Énergie citoyenne et sobriété',
    description:
      'Produire, économiser et partager l’énergie ensemble : propositions pour les collectivités et l’État.',
  },
  {
    title: 'Économie collaborative et communs',
    description:
      'Plateformes coopératives, communs numériques, mutualisation : quelles règles pour une économie collaborative équitable ?',
  },
  {
    title: 'Alimentation durable et circuits courts',
    description:
      'De la fourche à la fourchette : propositions pour une alimentation locale, durable et accessible à tous.',
  },
  {
    title: 'Vie associative et engagement',
    description:
      'Bénévolat, financement des associations, éducation populaire : comment soutenir l’engagement citoyen ?',
  },
];
