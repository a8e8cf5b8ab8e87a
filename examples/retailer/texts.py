"""Free-text templates for the generated population, and checks for planted identifiers.

The generated texts are deliberately bland: deliveries, returns, invoices, preferences. They
contain no special-category wording, no long digit runs and no credentials, so that every
finding of a free-text detector on the demo data is a planted one (examples.retailer.planted) and a
test can compare findings with PLANTED_REMARKS exactly.
"""

from __future__ import annotations

PRODUCTS_FR = (
    "lampe Arcadia",
    "suspension Opaline",
    "applique Lune",
    "lampadaire Ficelle",
    "guirlande Guinguette",
    "lampe Nomade",
    "plafonnier Céleste",
    "bougeoir Albâtre",
    "lanterne Riviera",
    "lampe de chevet Plume",
    "spot Atelier",
    "abat-jour en lin",
)
PRODUCTS_EN = (
    "Arcadia table lamp",
    "Opaline pendant",
    "Lune wall light",
    "Ficelle floor lamp",
    "Guinguette string lights",
    "Nomade lamp",
    "Céleste ceiling light",
    "Riviera lantern",
    "Plume bedside lamp",
    "linen lampshade",
)
COLLECTIONS = ("Automne", "Riviera", "Atelier", "Noël", "Bord de mer")
WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi")

# Placeholders: {product} {product_en} {collection} {weekday} {amount} {order_ref}
NOTE_TEMPLATES = (
    "Livraison reportée à la demande du client, nouveau créneau le {weekday}.",
    "Colis déposé en point relais, client prévenu par SMS.",
    "Retour de la {product} accepté, étiquette Colissimo envoyée.",
    "Préfère être contacté par e-mail plutôt que par téléphone.",
    "Client fidèle : proposer la collection {collection} en avant-première.",
    "Échange de la {product} contre la finition laiton effectué.",
    "Carton abîmé à la livraison, photo reçue, avoir de {amount} € accordé.",
    "Souhaite recevoir ses factures au nom de sa société.",
    "Relance faite pour l'avis client, retour positif.",
    "Livrer de préférence le matin, absent l'après-midi.",
    "Asked for delivery after 6 pm on weekdays.",
    "Returned the {product_en}: wrong colour temperature. Refund issued.",
    "Prefers e-mail to phone calls.",
    "Loyal customer, send the {collection} collection preview.",
    "Parcel left with the caretaker, customer informed.",
)

EVALUATION_TEMPLATES = (
    "Accueil cordial, reformulation correcte.",
    "Bonne maîtrise du catalogue, appel un peu long.",
    "Script respecté, conclusion à améliorer.",
    "Solution trouvée dès le premier appel.",
    "Ton adapté, vérifier l'adresse de livraison avant de conclure.",
    "Clear answer, good empathy.",
    "Adviser took too long to find the order.",
    "Polite and efficient, offered the right replacement.",
)

CATEGORIES = ("delivery", "return", "billing", "product", "account")
CHANNELS = ("email", "web_form", "phone", "chat")

# TICKETS[lang][category] = (subjects, first customer messages, agent replies)
TICKETS: dict[str, dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]] = {
    "fr": {
        "delivery": (
            (
                "Colis non reçu (commande {order_ref})",
                "Retard de livraison",
                "Livraison en point relais",
            ),
            (
                "Bonjour, je n'ai toujours pas reçu ma commande {order_ref}, pouvez-vous vérifier ?",
                "Bonjour, le suivi indique « livré » mais je n'ai rien reçu. Cordialement, {name}",
                "Bonjour, est-il possible de livrer ma commande {order_ref} en point relais ?",
            ),
            (
                "Bonjour, le colis est en cours d'acheminement, livraison prévue sous 48 h. Cordialement, {agent}",
                "Bonjour, nous avons ouvert une enquête auprès de Colissimo. Bien à vous, {agent}",
            ),
        ),
        "return": (
            ("Demande de retour", "Retour de la {product}", "Échange de produit"),
            (
                "Bonjour, la {product} ne convient pas, comment la retourner ? {name}",
                "Bonjour, je souhaite échanger la {product} contre un autre coloris.",
            ),
            (
                "Bonjour, voici l'étiquette de retour prépayée, le remboursement suivra la réception. {agent}",
                "Bonjour, l'échange est enregistré, le nouveau colis part demain. Cordialement, {agent}",
            ),
        ),
        "billing": (
            (
                "Facture de la commande {order_ref}",
                "Question sur un remboursement",
                "Facture au nom de ma société",
            ),
            (
                "Bonjour, pouvez-vous m'envoyer la facture de la commande {order_ref} ?",
                "Bonjour, je n'ai pas encore vu le remboursement de mon retour. Merci, {name}",
            ),
            (
                "Bonjour, vous trouverez la facture dans votre espace client. Bonne journée, {agent}",
                "Bonjour, le remboursement a été émis, comptez 3 à 5 jours ouvrés. {agent}",
            ),
        ),
        "product": (
            (
                "Ampoule compatible avec la {product} ?",
                "Notice de montage",
                "Disponibilité de la {product}",
            ),
            (
                "Bonjour, quelle ampoule faut-il pour la {product} ?",
                "Bonjour, il manque la notice de montage de la {product}.",
                "Bonjour, la {product} sera-t-elle de nouveau disponible ?",
            ),
            (
                "Bonjour, une ampoule E27 de 8 W maximum convient parfaitement. {agent}",
                "Bonjour, la notice vous a été envoyée par e-mail. Belle journée, {agent}",
            ),
        ),
        "account": (
            (
                "Changement d'adresse de livraison",
                "Modifier mes coordonnées",
                "Nouveau numéro de téléphone",
            ),
            (
                "Bonjour, j'ai déménagé, pouvez-vous mettre à jour mon adresse ? {name}",
                "Bonjour, j'ai changé de numéro de portable, pouvez-vous le mettre à jour ?",
            ),
            (
                "Bonjour, c'est fait, vos coordonnées sont à jour. Cordialement, {agent}",
                "Bonjour, votre demande est prise en compte. {agent}",
            ),
        ),
    },
    "en": {
        "delivery": (
            ("Where is my parcel?", "Late delivery for order {order_ref}"),
            ("Hello, my order {order_ref} still hasn't arrived. Could you check? {name}",),
            (
                "Hello, the parcel is on its way and should arrive within 2 days. Kind regards, {agent}",
            ),
        ),
        "return": (
            ("Return request", "Returning the {product_en}"),
            ("Hi, the {product_en} doesn't fit my room, how do I send it back?",),
            ("Hello, here is a prepaid return label; the refund follows receipt. {agent}",),
        ),
        "billing": (
            ("Invoice for order {order_ref}",),
            ("Hello, could you send me the invoice for order {order_ref}? Thanks, {name}",),
            ("Hello, the invoice is available in your account. Best, {agent}",),
        ),
        "product": (
            ("Is the {product_en} dimmable?",),
            ("Hi, can the {product_en} be used with a dimmer switch?",),
            ("Hello, yes, with a dimmable LED bulb. Kind regards, {agent}",),
        ),
        "account": (
            ("Update my delivery address",),
            ("Hello, I moved house, please update my delivery address.",),
            ("Hello, done: your details are up to date. {agent}",),
        ),
    },
}
FOLLOW_UPS: dict[str, tuple[str, ...]] = {
    "fr": (
        "Merci, bien reçu.",
        "Parfait, merci beaucoup.",
        "Toujours rien, pouvez-vous relancer ?",
    ),
    "en": ("Thanks, it arrived today.", "Great, thank you.", "Still nothing, could you chase it?"),
}

ATTACHMENT_FILES: tuple[tuple[str, str], ...] = (
    ("photo_colis.jpg", "image/jpeg"),
    ("photo_produit.jpg", "image/jpeg"),
    ("capture_suivi.png", "image/png"),
    ("bon_de_retour.pdf", "application/pdf"),
    ("facture.pdf", "application/pdf"),
    ("notes.txt", "text/plain"),
)

INTERACTION_KINDS = ("click", "form", "inbound_call", "email_open", "outbound_call")
INBOUND_KINDS = frozenset(
    {"click", "form", "inbound_call"}
)  # CNIL NS-048: initiated by the prospect
PROSPECT_SOURCES = ("catalogue_request", "newsletter_signup", "partner_site", "trade_show")
CUSTOMER_CONSENT_SOURCES = ("checkout", "account_settings", "newsletter_form")


# --- identifier checks (the planted identifiers are valid; the hard negatives are not) ---------


def luhn_valid(number: str) -> bool:
    """Payment card check digit (ISO/IEC 7812): what separates a card number from an order id."""
    digits = [int(c) for c in number if c.isdigit()]
    total = 0
    for position, digit in enumerate(reversed(digits)):
        if position % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return len(digits) >= 12 and total % 10 == 0


def iban_valid(iban: str) -> bool:
    """ISO 13616 check digits: rotate, letters to numbers, remainder 97 must be 1."""
    compact = iban.replace(" ", "").upper()
    rotated = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rotated)) % 97 == 1


def nir_valid(nir: str) -> bool:
    """French social security number: 13 digits and a key of 97 - (number mod 97)."""
    digits = "".join(c for c in nir if c.isdigit())
    return len(digits) == 15 and 97 - int(digits[:13]) % 97 == int(digits[13:])
