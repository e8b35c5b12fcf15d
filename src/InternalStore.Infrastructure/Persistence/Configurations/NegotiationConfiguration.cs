using InternalStore.Domain.Negotiation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternalStore.Infrastructure.Persistence.Configurations;

internal sealed class QuoteRequestConfiguration : IEntityTypeConfiguration<QuoteRequest>
{
    public void Configure(EntityTypeBuilder<QuoteRequest> request)
    {
        request.ToTable("quote_requests");
        request.HasKey(r => r.Id);
        request.Property(r => r.BuyerKind).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.BuyerId).HasMaxLength(100);
        request.Property(r => r.BuyerRole).HasMaxLength(40);
        request.Property(r => r.ClaimCompany).HasMaxLength(20);
        request.Property(r => r.BuyerCompany).HasMaxLength(20);
        request.Property(r => r.CostCenter).HasMaxLength(20);
        request.Property(r => r.Affiliate).HasMaxLength(20);
        request.Property(r => r.SellerCompany).HasMaxLength(20);
        request.Property(r => r.Comment).HasMaxLength(2000);
        request.Property(r => r.IdempotencyKey).HasMaxLength(100);
        request.Property(r => r.RequestHash).HasMaxLength(64);
        request.Property(r => r.AcceptKey).HasMaxLength(100);
        request.Property(r => r.Version).IsConcurrencyToken();
        request.Ignore(r => r.CurrentOffer);
        request.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RequestId).OnDelete(DeleteBehavior.Cascade);
        request.HasMany(r => r.Offers).WithOne().HasForeignKey(o => o.RequestId).OnDelete(DeleteBehavior.Cascade);
        request.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        request.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        request.Navigation(r => r.Offers).UsePropertyAccessMode(PropertyAccessMode.Field);
        request.Navigation(r => r.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        request.HasIndex(r => new { r.BuyerId, r.IdempotencyKey }).IsUnique();
        request.HasIndex(r => new { r.SellerCompany, r.Status });
    }
}

internal sealed class QuoteRequestLineConfiguration : IEntityTypeConfiguration<QuoteRequestLine>
{
    public void Configure(EntityTypeBuilder<QuoteRequestLine> line)
    {
        line.ToTable("quote_request_lines");
        line.HasKey(l => l.Id);
        line.Property(l => l.Sku).HasMaxLength(40);
        line.Property(l => l.Name).HasMaxLength(200);
    }
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> offer)
    {
        offer.ToTable("quote_offers");
        offer.HasKey(o => o.Id);
        offer.Property(o => o.Author).HasMaxLength(100);
        offer.Property(o => o.ApprovedBy).HasMaxLength(100);
        offer.Property(o => o.ApprovalReason).HasMaxLength(2000);
        offer.Property(o => o.Comment).HasMaxLength(2000);
        offer.Ignore(o => o.Visible);
        offer.Ignore(o => o.Total);
        offer.HasMany(o => o.Lines).WithOne().HasForeignKey("OfferId").OnDelete(DeleteBehavior.Cascade);
        offer.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        offer.HasIndex(o => new { o.RequestId, o.Version }).IsUnique();
    }
}

internal sealed class OfferLineConfiguration : IEntityTypeConfiguration<OfferLine>
{
    public void Configure(EntityTypeBuilder<OfferLine> line)
    {
        line.ToTable("quote_offer_lines");
        line.HasKey(l => l.Id);
        line.Property(l => l.Sku).HasMaxLength(40);
        line.Ignore(l => l.MarkupPercent);
        line.Ignore(l => l.BelowStandard);
    }
}

internal sealed class NegotiationEventConfiguration : IEntityTypeConfiguration<NegotiationEvent>
{
    public void Configure(EntityTypeBuilder<NegotiationEvent> e)
    {
        e.ToTable("quote_request_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.By).HasMaxLength(100);
        e.Property(x => x.What).HasMaxLength(40);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.Detail).HasMaxLength(200);
        e.Property(x => x.Before).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.After).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class NegotiationSettingsConfiguration : IEntityTypeConfiguration<NegotiationSettings>
{
    public void Configure(EntityTypeBuilder<NegotiationSettings> settings)
    {
        settings.ToTable("negotiation_settings");
        settings.HasKey(s => s.Company);
        settings.Property(s => s.Company).HasMaxLength(20);
        settings.Property(s => s.UpdatedBy).HasMaxLength(100);
        settings.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class PriceAgreementConfiguration : IEntityTypeConfiguration<PriceAgreement>
{
    public void Configure(EntityTypeBuilder<PriceAgreement> agreement)
    {
        agreement.ToTable("price_agreements");
        agreement.HasKey(a => a.Id);
        agreement.Property(a => a.SellerCompany).HasMaxLength(20);
        agreement.Property(a => a.BuyerKind).HasConversion<string>().HasMaxLength(20);
        agreement.Property(a => a.BuyerCompany).HasMaxLength(20);
        agreement.Property(a => a.CostCenter).HasMaxLength(20);
        agreement.Property(a => a.Sku).HasMaxLength(40);
        agreement.Property(a => a.Name).HasMaxLength(200);
        agreement.Property(a => a.Currency).HasMaxLength(3);
        agreement.Property(a => a.CreatedBy).HasMaxLength(100);
        agreement.Property(a => a.EndedBy).HasMaxLength(100);
        agreement.Property(a => a.EndReason).HasMaxLength(2000);
        agreement.Property(a => a.IdempotencyKey).HasMaxLength(100);
        agreement.Property(a => a.RequestHash).HasMaxLength(64);
        agreement.Property(a => a.Version).IsConcurrencyToken();
        agreement.HasIndex(a => new { a.CreatedBy, a.IdempotencyKey, a.Sku }).IsUnique();
        // Pricing reads a buyer's agreements in force by these columns.
        agreement.HasIndex(a => new { a.BuyerKind, a.BuyerCompany, a.CostCenter, a.To });
        agreement.HasIndex(a => new { a.SellerCompany, a.To });
        agreement.HasIndex(a => a.QuoteRequestId);
    }
}
