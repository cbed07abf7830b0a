/// Made-up pages saved as text, with what the cleaner should make of them.
enum TextPageFixtures {
    static let headline = "Harbour town votes to rebuild its flooded sea wall"

    static let paragraphs = [
        "Residents of Port Alder voted on Tuesday to spend £4.2m rebuilding the sea wall that gave way during last winter's storms, ending a year of arguments over who should pay.",
        "The council had proposed a cheaper earth bank, but more than 3,000 people signed a petition asking for stone, saying the old wall had protected the harbour for a century.",
        "Work will begin in the spring and is expected to take eighteen months. Until then, temporary barriers will stay along the promenade, and the lifeboat station will remain at its winter mooring.",
        "\"We have waited long enough,\" said harbour master Ellen Marsh. \"The town has shown what it wants, and now we have to deliver it before the next storm season.\"",
    ]

    /// Navigation, a numbered menu, the headline, a byline and its code, an image credit, a newsletter
    /// blurb between paragraphs, a share line, and section links and a copyright line after.
    static let page = """
        Skip to content
        1. Home
        2. World
        3. Business
        4. Sport
        Home | World | Business | Sport | Weather

        \(headline)

        By Jane Doe, Coastal Affairs Reporter
        JD/KM 0412
        Photo: John Smith/Reuters

        \(paragraphs[0])

          \(paragraphs[1])\t

        Sign up for our morning newsletter and get the day's top stories in your inbox.

        \(paragraphs[2])

        \(paragraphs[3])

        Share this article

        More from World
        Flood insurance costs rise again
        Ports brace for winter storms
        Fishermen count the cost of a lost season
        © 2026 Example News. All rights reserved.

        """

    /// A page in French, with accents, typographic quotes and an emoji in the furniture; it starts with
    /// the page's title, as a page saved as text does (the furniture phrases known are English ones).
    static let frenchHeadline = "Lyon inaugure une ligne de tramway vers l’hôpital Édouard-Herriot"
    static let frenchParagraphs = [
        "La nouvelle ligne, longue de 7,4 kilomètres, relie désormais la gare de la Part-Dieu à l’hôpital en moins de vingt minutes, a annoncé jeudi la métropole.",
        "« C’est un changement très attendu par les patients et par le personnel », a déclaré la présidente du syndicat des transports, qui promet une rame toutes les cinq minutes aux heures de pointe.",
        "Les travaux, commencés il y a trois ans, ont coûté 160 millions d’euros, financés pour moitié par l’État et pour moitié par la région.",
    ]
    static let frenchPage = """
        \(frenchHeadline) – Le Journal de Lyon
        Aller au contenu principal
        Accueil | Métropole | Société | Économie 📰
        \(frenchHeadline)
        Par Claire Dubois
        Photo: Jean Martin/AFP
        \(frenchParagraphs[0])
        \(frenchParagraphs[1])

        Advertisement

        \(frenchParagraphs[2])

        Share this article
        """

    /// Furniture only.
    static let boilerplateOnly = """
        Skip to content
        Home | News | Sport | Weather
        Menu
        Sign up for our newsletter
        Share this article
        Advertisement
        © 2026 Example News. All rights reserved.
        """
}
